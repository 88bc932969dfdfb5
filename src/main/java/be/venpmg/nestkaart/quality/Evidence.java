package be.venpmg.nestkaart.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Evidence for a quality criterion or a quality label; it counts once an editor accepted it, until it expires. */
@Serdeable
public record Evidence(String id, @Nullable String professionalId, @Nullable String organizationId, String kind,
                       @Nullable String qualification, @Nullable String level, @Nullable BigDecimal hours,
                       @Nullable BigDecimal years, String issuer, LocalDate obtainedOn, @Nullable LocalDate expiresOn,
                       @Nullable String documentRef, String status, @Nullable Long checkedBy,
                       @Nullable Instant checkedAt, @Nullable String checkNote, Instant createdAt) {

    public boolean currentOn(LocalDate day) {
        return "accepted".equals(status) && !obtainedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
