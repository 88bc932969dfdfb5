package be.venpmg.nestkaart.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** A professional completed a course; {@code evidenceId} is set when it counts for recognition. */
@Serdeable
public record Completion(String id, String courseId, String courseName, String professionalId, LocalDate completedOn,
                         @Nullable String certificateRef, @Nullable String evidenceId) {
}
