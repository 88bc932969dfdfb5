package be.venpmg.nestkaart.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A controlled vocabulary for one facet (problem, module, care line, ...). */
@MappedEntity("taxonomy")
public record Taxonomy(@Id String id, String name, String description, @Nullable String uri,
                       @Nullable String version) {
}
