package be.venpmg.nestkaart.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An experience-route file for the expert committee. */
@Serdeable
public record CommitteeFile(long id, String professionalId, String professionalName, String level, String ruleVersion,
                            String status, Instant openedAt, @Nullable Long decidedBy, @Nullable Instant decidedAt,
                            @Nullable String decisionReason) {
}
