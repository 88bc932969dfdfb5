package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

@MappedEntity("public_organization") // the public view: see V11__public_views.sql
public record Organization(@Id String id, String name, @Nullable String alternateName, String description,
                           @Nullable String email, @Nullable String website, @Nullable String parentOrganizationId,
                           String publicationStatus, @Nullable LocalDateTime verifiedAt,
                           @Nullable String socialeKaartId) {
}
