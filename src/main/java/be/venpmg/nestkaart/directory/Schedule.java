package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalTime;

/** Opening hours, in the iCalendar terms HSDS uses (freq, byday, opens_at, closes_at). */
@Serdeable
@MappedEntity("schedule")
public record Schedule(@Id String id, @Nullable String serviceId, @Nullable String locationId,
                       @Nullable String freq, @Nullable String byday, @Nullable LocalTime opensAt,
                       @Nullable LocalTime closesAt, @Nullable String description, @Nullable String notes) {
}
