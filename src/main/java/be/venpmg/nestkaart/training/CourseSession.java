package be.venpmg.nestkaart.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** A session of a course, with the seats left at the provider. */
@Serdeable
public record CourseSession(String id, String courseId, LocalDateTime startsAt, LocalDateTime endsAt, boolean online,
                            @Nullable String place, @Nullable String postalCode, int capacity, int seatsTaken,
                            @Nullable String registrationUrl, String status, @Nullable String note,
                            int seatsLeft) {
}
