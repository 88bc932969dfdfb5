package be.venpmg.nestkaart.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the recognition rules for one professional: the level reached (or none), by which route, until
 * when the evidence it rests on stays valid, and per level which criteria are met or missing.
 */
@Serdeable
public record Assessment(@Nullable String level, @Nullable String route, @Nullable LocalDate validUntil,
                         String ruleVersion, Map<String, List<Reason>> reasons, List<String> awaitingCommittee) {

    /** One criterion for one level: met or not, and in words why. */
    @Serdeable
    public record Reason(String criterion, boolean met, String detail) {
    }
}
