package be.venpmg.nestkaart.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An account as shown to admins and to its owner: never the password hash. */
@Serdeable
public record Account(long id, String email, String displayName, String role, @Nullable String professionalId,
                      boolean active, @Nullable Instant lockedUntil, Instant createdAt,
                      @Nullable String organizationId) {
}
