package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A professional's tie to a published organisation. */
@Introspected
public record Affiliation(String professionalId, String organizationId, String organizationName,
                          @Nullable String locationId, @Nullable String role) {
}
