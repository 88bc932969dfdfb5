package be.venpmg.nestkaart.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A real clock whose time a test moves forward, to see evidence expire. */
final class SettableClock extends Clock {
    private volatile Instant now = Instant.now();
    private final ZoneId zone = ZoneId.of("Europe/Brussels");

    void set(Instant instant) {
        now = instant;
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
        return now;
    }
}
