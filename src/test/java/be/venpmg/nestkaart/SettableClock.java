package be.venpmg.nestkaart;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in every test context: real time, shifted when a test moves it (evidence expiring,
 * sessions passing), so no test depends on the day it runs and time still passes as it does in production.
 */
public final class SettableClock extends Clock {
    private volatile java.time.Duration offset = java.time.Duration.ZERO;
    private final ZoneId zone = ZoneId.of("Europe/Brussels");

    /** From now on the clock reads {@code instant}, and runs on from there as real time passes. */
    public void set(Instant instant) {
        offset = java.time.Duration.between(Instant.now(), instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Puts the settable clock in place of the application's. */
    @Factory
    static class InTests {
        @Singleton
        @Replaces(Clock.class)
        @Requires(env = "test")
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
