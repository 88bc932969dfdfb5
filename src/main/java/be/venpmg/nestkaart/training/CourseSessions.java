package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.kernel.Outbox;
import be.venpmg.nestkaart.kernel.Ids;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of a course: operational data (dates, place, seats) that editors keep current without the review step,
 * each write audited on the course. Seats change by atomic, guarded updates, so concurrent updates can neither
 * overbook nor go below zero.
 */
@Singleton
public class CourseSessions {
    private static final String COLUMNS = "id, course_id, starts_at, ends_at, online, place, postal_code, capacity, "
            + "seats_taken, registration_url, status, note, enrolment_opens, enrolment_closes, waiting_list";
    private final JdbcOperations jdbc;
    private final Revisions revisions;
    private final Outbox outbox;
    private final java.time.Clock clock;

    CourseSessions(JdbcOperations jdbc, Revisions revisions, Outbox outbox, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CourseSession create(String courseId, SessionInput input, CurrentAccount actor) {
        input.check();
        String id = Ids.newId();
        requireCourse(courseId);
        jdbc.prepareStatement("INSERT INTO course_session (id, course_id, starts_at, ends_at, online, place, "
                + "postal_code, capacity, registration_url, status, note, enrolment_opens, enrolment_closes, "
                + "waiting_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, id);
            s.setString(2, courseId);
            bind(s, 3, input);
            return s.executeUpdate();
        });
        replaceDays(id, input.dayList());
        audit(courseId, "session_created", actor, Map.of("session", Map.of("to", id + " " + input.startsAt())));
        return byId(id).orElseThrow();
    }

    /** Edits a session; a capacity below the seats already taken is refused. */
    @Transactional
    public CourseSession update(String sessionId, SessionInput input, CurrentAccount actor) {
        input.check();
        CourseSession before = byId(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
        int updated = jdbc.prepareStatement("UPDATE course_session SET starts_at = ?, ends_at = ?, online = ?, "
                + "place = ?, postal_code = ?, capacity = ?, registration_url = ?, status = ?, note = ?, "
                + "enrolment_opens = ?, enrolment_closes = ?, waiting_list = ? WHERE id = ? AND seats_taken <= ?", s -> {
            bind(s, 1, input);
            s.setString(13, sessionId);
            s.setInt(14, input.seats());
            return s.executeUpdate();
        });
        if (updated == 0) {
            throw new InvalidParameterException("capacity", "is below the " + before.seatsTaken()
                    + " seats already taken");
        }
        replaceDays(sessionId, input.dayList());
        audit(before.courseId(), "session_updated", actor, Map.of("capacity",
                Map.of("from", before.capacity(), "to", input.seats())));
        return byId(sessionId).orElseThrow();
    }

    /** Seats taken or given back as the provider reports them; refused when it would leave fewer than 0 or overbook. */
    @Transactional
    public CourseSession takeSeats(String sessionId, int delta, CurrentAccount actor) {
        if (delta == 0 || Math.abs(delta) > 1000) {
            throw new InvalidParameterException("delta", "must be a whole number from -1000 to 1000, not 0");
        }
        CourseSession session = byId(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
        int updated = jdbc.prepareStatement("UPDATE course_session SET seats_taken = seats_taken + ? "
                + "WHERE id = ? AND seats_taken + ? BETWEEN 0 AND capacity", s -> {
            s.setInt(1, delta);
            s.setString(2, sessionId);
            s.setInt(3, delta);
            return s.executeUpdate();
        });
        if (updated == 0) {
            throw RequestRefusedException.conflict(delta > 0 ? "Not enough seats left." : "No seats to give back.");
        }
        audit(session.courseId(), "seats_changed", actor, Map.of("seats_taken", Map.of("by", delta)));
        return byId(sessionId).orElseThrow();
    }

    @ReadOnly
    public List<CourseSession> ofCourse(String courseId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM course_session WHERE course_id = ? ORDER BY starts_at",
                s -> {
            s.setString(1, courseId);
            List<CourseSession> sessions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add(read(rs));
                }
            }
            return sessions;
        });
    }

    @ReadOnly
    public Optional<CourseSession> byId(String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM course_session WHERE id = ?", s -> {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private void audit(String courseId, String action, CurrentAccount actor, Map<String, ?> changes) {
        revisions.record("course", courseId, action, actor, null, changes);
        outbox.queue("course", courseId);
    }

    private static void bind(PreparedStatement s, int from, SessionInput input) throws SQLException {
        s.setTimestamp(from, Timestamp.valueOf(input.start()));
        s.setTimestamp(from + 1, Timestamp.valueOf(input.end()));
        s.setBoolean(from + 2, Boolean.TRUE.equals(input.online()));
        s.setString(from + 3, input.place());
        s.setString(from + 4, input.postalCode());
        s.setInt(from + 5, input.seats());
        s.setString(from + 6, input.registrationUrl());
        s.setString(from + 7, input.state());
        s.setString(from + 8, input.note());
        s.setDate(from + 9, input.opens() == null ? null : java.sql.Date.valueOf(input.opens()));
        s.setDate(from + 10, input.closes() == null ? null : java.sql.Date.valueOf(input.closes()));
        s.setBoolean(from + 11, Boolean.TRUE.equals(input.waitingList()));
    }

    /** The days of an instance; a single-day session keeps one row too, so every reader sees days the same way. */
    void replaceDays(String sessionId, List<CourseSession.Day> days) {
        jdbc.prepareStatement("DELETE FROM course_session_day WHERE session_id = ?", s -> {
            s.setString(1, sessionId);
            return s.executeUpdate();
        });
        for (CourseSession.Day day : days) {
            jdbc.prepareStatement("INSERT INTO course_session_day (id, session_id, starts_at, ends_at) VALUES (?, ?, ?, ?)",
                    s -> {
                s.setString(1, Ids.newId());
                s.setString(2, sessionId);
                s.setTimestamp(3, Timestamp.valueOf(day.startsAt()));
                s.setTimestamp(4, Timestamp.valueOf(day.endsAt()));
                return s.executeUpdate();
            });
        }
    }

    private List<CourseSession.Day> days(String sessionId, LocalDateTime start, LocalDateTime end) {
        List<CourseSession.Day> days = jdbc.prepareStatement("SELECT starts_at, ends_at FROM course_session_day "
                + "WHERE session_id = ? ORDER BY starts_at", s -> {
            s.setString(1, sessionId);
            List<CourseSession.Day> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new CourseSession.Day(rs.getTimestamp(1).toLocalDateTime(),
                            rs.getTimestamp(2).toLocalDateTime()));
                }
            }
            return found;
        });
        return days.isEmpty() ? List.of(new CourseSession.Day(start, end)) : days;
    }

    private void requireCourse(String id) {
        jdbc.prepareStatement("SELECT 1 FROM course WHERE id = ?", s -> {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("course", id);
                }
            }
            return null;
        });
    }

    private CourseSession read(ResultSet rs) throws SQLException {
        LocalDateTime start = rs.getTimestamp(3).toLocalDateTime();
        LocalDateTime end = rs.getTimestamp(4).toLocalDateTime();
        java.sql.Date opens = rs.getDate(13);
        java.sql.Date closes = rs.getDate(14);
        int left = rs.getInt(8) - rs.getInt(9);
        boolean waitingList = rs.getBoolean(15);
        java.time.LocalDate open = opens == null ? null : opens.toLocalDate();
        java.time.LocalDate close = closes == null ? null : closes.toLocalDate();
        return new CourseSession(rs.getString(1), rs.getString(2), start, end, rs.getBoolean(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12),
                left, days(rs.getString(1), start, end), open, close, waitingList,
                CourseSession.enrolmentOn(java.time.LocalDate.now(clock), open, close, left, waitingList));
    }
}
