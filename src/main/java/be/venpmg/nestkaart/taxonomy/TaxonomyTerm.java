package be.venpmg.nestkaart.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("taxonomy_term")
public record TaxonomyTerm(@Id String id, @Nullable String taxonomyId, @Nullable String code, String name,
                           String description, @Nullable String parentId, @Nullable String language, int sortOrder) {
}
