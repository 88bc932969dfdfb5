package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.kernel.WebAddress;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A session as an editor sends it. */
@Serdeable
public record SessionInput(@Nullable String startsAt, @Nullable String endsAt, @Nullable Boolean online,
                           @Nullable String place, @Nullable String postalCode, @Nullable Integer capacity,
                           @Nullable String registrationUrl, @Nullable String status, @Nullable String note,
                           @Nullable List<DayInput> days, @Nullable String enrolmentOpens,
                           @Nullable String enrolmentCloses, @Nullable Boolean waitingList) {

    /** One day of a course instance over several days. */
    @Serdeable
    public record DayInput(@Nullable String startsAt, @Nullable String endsAt) {
    }

    /** The days: as sent, or the one span from starts_at to ends_at. */
    List<CourseSession.Day> dayList() {
        if (days == null || days.isEmpty()) {
            LocalDateTime start = time("starts_at", startsAt);
            LocalDateTime end = time("ends_at", endsAt);
            if (end.isBefore(start)) {
                throw new InvalidParameterException("ends_at", "lies before starts_at");
            }
            return List.of(new CourseSession.Day(start, end));
        }
        if (days.size() > 60) {
            throw new InvalidParameterException("days", "at most 60 days");
        }
        List<CourseSession.Day> list = new java.util.ArrayList<>();
        for (DayInput day : days) {
            LocalDateTime start = time("days.starts_at", day.startsAt());
            LocalDateTime end = time("days.ends_at", day.endsAt());
            if (end.isBefore(start)) {
                throw new InvalidParameterException("days.ends_at", "lies before its starts_at");
            }
            list.add(new CourseSession.Day(start, end));
        }
        list.sort(java.util.Comparator.comparing(CourseSession.Day::startsAt));
        return List.copyOf(list);
    }

    LocalDateTime start() {
        return dayList().get(0).startsAt();
    }

    LocalDateTime end() {
        return dayList().stream().map(CourseSession.Day::endsAt).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    @Nullable java.time.LocalDate opens() {
        return date("enrolment_opens", enrolmentOpens);
    }

    @Nullable java.time.LocalDate closes() {
        java.time.LocalDate closes = date("enrolment_closes", enrolmentCloses);
        java.time.LocalDate opens = opens();
        if (closes != null && opens != null && closes.isBefore(opens)) {
            throw new InvalidParameterException("enrolment_closes", "lies before enrolment_opens");
        }
        return closes;
    }

    int seats() {
        if (capacity == null || capacity < 0 || capacity > 10_000) {
            throw new InvalidParameterException("capacity", "must be a whole number from 0 to 10000");
        }
        return capacity;
    }

    String state() {
        String value = status == null ? "scheduled" : status;
        if (!List.of("scheduled", "cancelled").contains(value)) {
            throw new InvalidParameterException("status", "must be scheduled or cancelled");
        }
        return value;
    }

    void check() {
        if (!Boolean.TRUE.equals(online) && (place == null || place.isBlank())) {
            throw new InvalidParameterException("place", "a session on site needs its place");
        }
        if (postalCode != null && !postalCode.matches("\\d{4}")) {
            throw new InvalidParameterException("postal_code", "must be a Belgian postcode of 4 digits");
        }
        if (registrationUrl != null && !WebAddress.isWebAddress(registrationUrl)) {
            throw new InvalidParameterException("registration_url", "must be an http(s) address");
        }
        if (place != null && place.length() > 300 || note != null && note.length() > 300) {
            throw new InvalidParameterException(place != null && place.length() > 300 ? "place" : "note",
                    "is longer than 300 characters");
        }
        end();
        seats();
        state();
        closes();
    }

    private static java.time.@Nullable LocalDate date(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date as YYYY-MM-DD");
        }
    }

    private static LocalDateTime time(String name, @Nullable String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidParameterException(name, "must be a local date and time as 2027-03-14T09:30");
        }
    }
}
