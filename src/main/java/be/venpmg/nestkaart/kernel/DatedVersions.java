package be.venpmg.nestkaart.kernel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Rules that come in versions, each in force from a day (recognition rules, referral rules): the version chosen for a
 * day is the latest that took effect on or before it, by the application's clock, so earlier decisions stay
 * explainable and tests can move the day.
 */
public final class DatedVersions<T extends DatedVersions.Dated> {
    private final List<T> versions;

    /** A version in force from a day. */
    public interface Dated {
        LocalDate effectiveFrom();
    }

    public DatedVersions(List<T> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no rule versions");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(Dated::effectiveFrom)).toList();
    }

    /** The version in force on {@code day}: the latest that took effect on or before it (the first before any). */
    public T activeOn(LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day)).reduce((a, b) -> b)
                .orElse(versions.get(0));
    }

    /** Every version, oldest first. */
    public List<T> all() {
        return versions;
    }
}
