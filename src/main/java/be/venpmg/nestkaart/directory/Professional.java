package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A natural person offering care; shown publicly only when published and {@code consentPublic}. */
@MappedEntity("public_professional") // the public view: see V11__public_views.sql
public record Professional(@Id String id, String givenName, String familyName, @Nullable String description,
                           @Nullable String email, @Nullable String website, boolean consentPublic,
                           String publicationStatus, @Nullable LocalDateTime verifiedAt) {
}
