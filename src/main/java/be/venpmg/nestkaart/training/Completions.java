package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.kernel.Ids;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.quality.Evidence;
import be.venpmg.nestkaart.quality.RecognitionService;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completions, recorded by an editor one by one or from a provider's CSV list (all rows or none). A completion of a
 * course accredited on that day is also accepted evidence for criterion 2 (or 3 for intervision/supervision), and
 * the professional's recognition is recomputed at once.
 */
@Singleton
public class Completions {
    private final JdbcOperations jdbc;
    private final CourseCatalog catalog;
    private final RecognitionService recognition;
    private final Revisions revisions;
    private final Clock clock;

    Completions(JdbcOperations jdbc, CourseCatalog catalog, RecognitionService recognition, Revisions revisions,
                Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.recognition = recognition;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** One completion to record. */
    @io.micronaut.serde.annotation.Serdeable
    public record Entry(@Nullable String professionalId, @Nullable String completedOn, @Nullable String certificateRef) {
    }

    /** Records all entries or, when one is wrong, none. */
    @Transactional
    public List<Completion> record(String courseId, List<Entry> entries, CurrentAccount actor) {
        Course course = catalog.course(courseId).orElseThrow(() -> new NotFoundException("course", courseId));
        List<Completion> recorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            recorded.add(recordOne(course, entries.get(i), entries.size() == 1 ? "" : "row " + (i + 1) + ": ", actor));
        }
        return recorded;
    }

    /** A provider's list: {@code professional_id,completed_on,certificate_ref} with a header row. */
    @Transactional
    public List<Completion> importCsv(String courseId, String csv, CurrentAccount actor) {
        List<Entry> entries = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
            if (!parser.getHeaderNames().containsAll(List.of("professional_id", "completed_on"))) {
                throw new InvalidParameterException("csv", "needs the columns professional_id, completed_on and "
                        + "optionally certificate_ref");
            }
            for (CSVRecord row : parser) {
                entries.add(new Entry(row.get("professional_id"), row.get("completed_on"),
                        row.isMapped("certificate_ref") && row.isSet("certificate_ref") ? row.get("certificate_ref") : null));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidParameterException("csv", "is not readable CSV: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InvalidParameterException("csv", "holds no completions");
        }
        return record(courseId, entries, actor);
    }

    @ReadOnly
    public List<Completion> ofProfessional(String professionalId) {
        return jdbc.prepareStatement("SELECT d.id, d.course_id, k.name, d.professional_id, d.completed_on, "
                + "d.certificate_ref, d.evidence_id FROM course_completion d JOIN course k ON k.id = d.course_id "
                + "WHERE d.professional_id = ? ORDER BY d.completed_on DESC", s -> {
            s.setString(1, professionalId);
            List<Completion> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Completion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)));
                }
            }
            return found;
        });
    }

    private Completion recordOne(Course course, Entry entry, String where, CurrentAccount actor) {
        String person = entry.professionalId() == null ? "" : entry.professionalId().strip();
        if (!exists(person)) {
            throw new InvalidParameterException("professional_id", where + "no professional with id '" + person + "'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(entry.completedOn() == null ? "" : entry.completedOn().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("completed_on", where + "must be a date as YYYY-MM-DD");
        }
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidParameterException("completed_on", where + "lies in the future");
        }
        String certificate = entry.certificateRef() == null || entry.certificateRef().isBlank() ? null
                : entry.certificateRef().strip();
        if (certificate != null && certificate.length() > 500) {
            throw new InvalidParameterException("certificate_ref", where + "is longer than 500 characters");
        }
        String evidenceId = null;
        if (course.accreditation() != null && course.accreditation().validOn(day)) {
            Evidence evidence = evidenceFor(course, person, day, certificate);
            recognition.recordAccepted(evidence, actor);
            evidenceId = evidence.id();
        }
        String id = Ids.newId();
        String evidenceRef = evidenceId;
        jdbc.prepareStatement("INSERT INTO course_completion (id, course_id, professional_id, completed_on, "
                + "certificate_ref, evidence_id, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, id);
            s.setString(2, course.id());
            s.setString(3, person);
            s.setDate(4, Date.valueOf(day));
            s.setString(5, certificate);
            s.setString(6, evidenceRef);
            s.setLong(7, actor.id());
            s.setTimestamp(8, java.sql.Timestamp.from(clock.instant()));
            try {
                return s.executeUpdate();
            } catch (SQLIntegrityConstraintViolationException e) {
                throw RequestRefusedException.conflict(where + "this completion is recorded already");
            }
        });
        revisions.record("professional", person, "course_completed", actor, null, Map.of("course",
                Map.of("to", course.name() + " (" + day + ")")));
        return new Completion(id, course.id(), course.name(), person, day, certificate, evidenceId);
    }

    private Evidence evidenceFor(Course course, String person, LocalDate day, @Nullable String certificate) {
        boolean continuing = "continuing_education".equals(course.countsAs());
        return new Evidence(Ids.newId(), person, null, course.countsAs(), "course:" + course.id(),
                continuing ? course.level() : null, continuing ? course.hours() : null, null,
                course.accreditation().body() + " (" + course.accreditation().reference() + ")", day, null, certificate,
                "submitted", null, null, null, clock.instant());
    }

    private boolean exists(String professionalId) {
        return jdbc.prepareStatement("SELECT 1 FROM professional WHERE id = ?", s -> {
            s.setString(1, professionalId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }
}
