package be.venpmg.nestkaart.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The clock that decides "today" (evidence expiry, rule versions): Belgian time, replaceable in tests. */
@Factory
class Clocks {
    @Singleton
    Clock clock(@Value("${nestkaart.time-zone:Europe/Brussels}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
