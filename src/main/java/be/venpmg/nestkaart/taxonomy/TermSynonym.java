package be.venpmg.nestkaart.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A word people use for a term: lay language, an abbreviation, a spelling variant. */
@MappedEntity("taxonomy_term_synonym")
public record TermSynonym(@Id @GeneratedValue Long id, String termId, String synonym, String kind,
                          @Nullable String source) {
}
