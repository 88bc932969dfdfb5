package be.venpmg.nestkaart.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

/** A published course as the catalogue shows it. */
@Serdeable
public record Course(String id, String name, String summary, @Nullable String learningGoals, String level,
                     String format, @Nullable BigDecimal hours, String countsAs,
                     @Nullable Accreditation accreditation, @Nullable String providerOrganizationId,
                     @Nullable String providerName, @Nullable BigDecimal priceEur, @Nullable String priceNote,
                     String language, @Nullable String prerequisites, @Nullable String url,
                     Map<String, List<Term>> terms, List<CourseSession> sessions, @Nullable LocalDateTime verifiedAt,
                     String status, @JsonInclude(ALWAYS) List<CoOrganizer> coOrganizers,
                     @JsonInclude(ALWAYS) List<Goal> goals, @JsonInclude(ALWAYS) List<Download> downloads,
                     @Nullable Link followUp, @Nullable Link followUpOf, int lessons, int questions) {

    /** Another organisation that organises the course with the provider. */
    @Serdeable
    public record CoOrganizer(String name, @Nullable String website) {
    }

    /** What the course teaches one target profession. */
    @Serdeable
    public record Goal(String professionCode, String profession, String goal) {
    }

    /** A "handvat": a printable guide that goes with the course. */
    @Serdeable
    public record Download(String title, String url, @Nullable String description) {
    }

    /** Another published course: the intervision that follows this one, or the course this one follows. */
    @Serdeable
    public record Link(String id, String name, String countsAs) {
    }

    /** Whether the network hosts lessons for this course that a professional can work through online. */
    public boolean hasOnlineModule() {
        return lessons > 0;
    }

    /** Accreditation by a body, with points and reference, valid until a date (open when null). */
    @Serdeable
    public record Accreditation(String body, @Nullable BigDecimal points, String reference,
                                @Nullable LocalDate validUntil) {
        public boolean validOn(LocalDate day) {
            return validUntil == null || !validUntil.isBefore(day);
        }
    }

    /** A taxonomy term of the course: target professions and topics. */
    @Serdeable
    public record Term(String code, String label) {
    }
}
