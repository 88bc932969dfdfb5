package be.venpmg.nestkaart.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A course instance: one or more days, the seats left at the provider, the enrolment window and whether a full
 * session keeps a waiting list. {@code enrolment} is what a visitor can do today: {@code open}, {@code not_yet_open},
 * {@code closed}, {@code waiting_list} (full, the provider keeps a list) or {@code full}.
 */
@Serdeable
public record CourseSession(String id, String courseId, LocalDateTime startsAt, LocalDateTime endsAt, boolean online,
                            @Nullable String place, @Nullable String postalCode, int capacity, int seatsTaken,
                            @Nullable String registrationUrl, String status, @Nullable String note,
                            int seatsLeft, List<Day> days, @Nullable LocalDate enrolmentOpens,
                            @Nullable LocalDate enrolmentCloses, boolean waitingList, String enrolment) {

    /** One day of the instance. */
    @Serdeable
    public record Day(LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    static String enrolmentOn(LocalDate today, @Nullable LocalDate opens, @Nullable LocalDate closes, int seatsLeft,
                              boolean waitingList) {
        if (opens != null && today.isBefore(opens)) {
            return "not_yet_open";
        }
        if (closes != null && today.isAfter(closes)) {
            return "closed";
        }
        return seatsLeft > 0 ? "open" : waitingList ? "waiting_list" : "full";
    }
}
