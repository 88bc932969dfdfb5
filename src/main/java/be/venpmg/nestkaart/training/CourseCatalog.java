package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.taxonomy.CourseLevel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads published courses with their sessions and terms. */
@Singleton
public class CourseCatalog {
    private static final String SELECT = """
            SELECT k.id, k.name, k.summary, k.learning_goals, k.level, k.format, k.hours, k.counts_as,
                   k.accreditation_body, k.accreditation_points, k.accreditation_reference, k.accreditation_valid_until,
                   k.provider_organization_id, COALESCE(o.name, k.provider_name), k.price_eur, k.price_note, k.language,
                   k.prerequisites, k.url, k.verified_at, k.course_status, k.follow_up_course_id
            FROM public_course k LEFT JOIN public_organization o ON o.id = k.provider_organization_id
            WHERE TRUE""";
    private final JdbcOperations jdbc;
    private final CourseSessions sessions;

    CourseCatalog(JdbcOperations jdbc, CourseSessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    @ReadOnly
    public Optional<Course> course(String id) {
        return jdbc.execute(c -> query(c, SELECT + " AND k.id = ?", List.of(id))).stream().findFirst();
    }

    @ReadOnly
    public List<Course> all() {
        return jdbc.execute(c -> query(c, SELECT + " ORDER BY k.name", List.of()));
    }

    /**
     * Courses for a professional: those aimed at one of their professions (or at every profession), at the level
     * they do not hold yet first.
     */
    @ReadOnly
    public List<Course> recommended(String professionalId, String recognisedLevel) {
        List<Course> courses = jdbc.execute(c -> query(c, SELECT + """
                     AND (NOT EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                                      JOIN taxonomy x ON x.id = t.taxonomy_id
                                      WHERE a.link_id = k.id AND a.link_entity = 'course' AND x.name = 'nestkaart-profession')
                          OR EXISTS (SELECT 1 FROM attribute a JOIN attribute mine ON mine.taxonomy_term_id = a.taxonomy_term_id
                                     WHERE a.link_id = k.id AND a.link_entity = 'course'
                                       AND mine.link_id = ? AND mine.link_entity = 'professional'))
                     AND NOT EXISTS (SELECT 1 FROM course_completion d WHERE d.course_id = k.id AND d.professional_id = ?)
                    ORDER BY k.name""", List.of(professionalId, professionalId)));
        String next = (recognisedLevel == null ? CourseLevel.BASIS : CourseLevel.GESPECIALISEERD).code();
        List<Course> ordered = new ArrayList<>(courses.stream().filter(k -> k.level().equals(next)).toList());
        courses.stream().filter(k -> !k.level().equals(next)).forEach(ordered::add);
        return ordered;
    }

    private List<Course> query(Connection c, String sql, List<String> params) throws SQLException {
        List<Course> courses = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Date valid = rs.getDate(12);
                    Timestamp verified = rs.getTimestamp(20);
                    Course.Accreditation accreditation = rs.getString(11) == null ? null : new Course.Accreditation(
                            rs.getString(9), rs.getBigDecimal(10), rs.getString(11),
                            valid == null ? null : valid.toLocalDate());
                    courses.add(new Course(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBigDecimal(7), rs.getString(8), accreditation, rs.getString(13),
                            rs.getString(14), rs.getBigDecimal(15), rs.getString(16), rs.getString(17),
                            rs.getString(18), rs.getString(19), terms(c, id), sessions.ofCourse(id),
                            verified == null ? null : verified.toLocalDateTime(), rs.getString(21),
                            coOrganizers(c, id), goals(c, id), downloads(c, id), link(c, rs.getString(22)),
                            followed(c, id), count(c, "course_lesson", id), count(c, "course_question", id)));
                }
            }
        }
        return courses;
    }

    private static Map<String, List<Course.Term>> terms(Connection c, String courseId) throws SQLException {
        Map<String, List<Course.Term>> terms = new LinkedHashMap<>();
        for (String[] term : rows(c, "SELECT x.name, t.code, t.name FROM attribute a "
                + "JOIN taxonomy_term t ON t.id = a.taxonomy_term_id JOIN taxonomy x ON x.id = t.taxonomy_id "
                + "WHERE a.link_id = ? AND a.link_entity = 'course' ORDER BY x.name, t.name", courseId,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            terms.computeIfAbsent(term[0].replace("nestkaart-", ""), k -> new ArrayList<>())
                    .add(new Course.Term(term[1], term[2]));
        }
        return terms;
    }

    private static List<Course.CoOrganizer> coOrganizers(Connection c, String courseId) throws SQLException {
        return rows(c, "SELECT name, website FROM course_co_organizer WHERE course_id = ? ORDER BY position, id", courseId,
                rs -> new Course.CoOrganizer(rs.getString(1), rs.getString(2)));
    }

    private static List<Course.Goal> goals(Connection c, String courseId) throws SQLException {
        return rows(c, "SELECT t.code, t.name, g.goal FROM course_goal g JOIN taxonomy_term t ON t.id = g.profession_term_id "
                + "WHERE g.course_id = ? ORDER BY g.position, g.id", courseId,
                rs -> new Course.Goal(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private static List<Course.Download> downloads(Connection c, String courseId) throws SQLException {
        return rows(c, "SELECT title, url, description FROM course_download WHERE course_id = ? ORDER BY position, id",
                courseId, rs -> new Course.Download(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private static Course.Link link(Connection c, String courseId) throws SQLException {
        return courseId == null ? null : rows(c, "SELECT id, name, counts_as FROM public_course WHERE id = ?", courseId,
                rs -> new Course.Link(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst().orElse(null);
    }

    /** The published course this one is the follow-up of (an intervision names the course it continues). */
    private static Course.Link followed(Connection c, String courseId) throws SQLException {
        return rows(c, "SELECT id, name, counts_as FROM public_course WHERE follow_up_course_id = ? ORDER BY name LIMIT 1",
                courseId, rs -> new Course.Link(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst()
                .orElse(null);
    }

    private static int count(Connection c, String table, String courseId) throws SQLException {
        return rows(c, "SELECT COUNT(*) FROM " + table + " WHERE course_id = ?", courseId, rs -> rs.getInt(1)).get(0);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, String parameter, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
        }
        return found;
    }
}
