package be.venpmg.nestkaart.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** A professional's stored recognition: the level (or none) since when, and the assessment behind it. */
@Serdeable
public record Recognition(String professionalId, @Nullable String level, @Nullable String route,
                          @Nullable LocalDate since, @Nullable LocalDate validUntil, String ruleVersion,
                          Assessment assessment, Instant computedAt, @Nullable String verificationCode) {
}
