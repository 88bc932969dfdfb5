package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * How long a reported availability (waiting time, whether new requests are taken) is believed: after
 * {@code nestkaart.availability.max-age} it shows as unknown, leaves the waiting-time filter and goes to the
 * editors' list. The one place this rule is written; pages, the index and the editors' list all ask it.
 */
@Singleton
public class ReportAge {
    private final Clock clock;
    private final Duration maxAge;

    ReportAge(Clock clock, @Value("${nestkaart.availability.max-age}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Reports made before this day are outdated today. */
    public LocalDate believedSince() {
        return LocalDate.now(clock).minusDays(maxAge.toDays());
    }

    /** A report with no date cannot age: it counts as it came (an imported figure says nothing of its date). */
    public boolean isOutdated(@Nullable LocalDate reportedOn) {
        return reportedOn != null && reportedOn.isBefore(believedSince());
    }
}
