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
                           @Nullable String registrationUrl, @Nullable String status, @Nullable String note) {

    LocalDateTime start() {
        return time("starts_at", startsAt);
    }

    LocalDateTime end() {
        LocalDateTime end = time("ends_at", endsAt);
        if (end.isBefore(start())) {
            throw new InvalidParameterException("ends_at", "lies before starts_at");
        }
        return end;
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
    }

    private static LocalDateTime time(String name, @Nullable String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidParameterException(name, "must be a local date and time as 2027-03-14T09:30");
        }
    }
}
