package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.editorial.ListingKind;
import be.venpmg.nestkaart.editorial.LiveListings;
import be.venpmg.nestkaart.kernel.Resources;
import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.taxonomy.TaxonomyTermRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the seed courses ({@code seed-data/courses.json}, built by {@code seed-data/src/build_courses.py}) together
 * with the seed dataset, published, with their sessions and their profession and topic terms.
 */
@Singleton
public class CourseSeedLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcOperations jdbc;
    private final LiveListings live;
    private final Revisions revisions;
    private final TaxonomyTermRepository terms;
    private final CourseSessions sessions;
    private final Resources resources;
    private final String file;

    CourseSeedLoader(JdbcOperations jdbc, LiveListings live, Revisions revisions, TaxonomyTermRepository terms,
                     CourseSessions sessions, Resources resources,
                     @Value("${nestkaart.seed.courses}") String file) {
        this.jdbc = jdbc;
        this.live = live;
        this.revisions = revisions;
        this.terms = terms;
        this.sessions = sessions;
        this.resources = resources;
        this.file = file;
    }

    @Transactional
    public int load() {
        JsonNode seed;
        try (InputStream in = resources.open(file)
                .orElseThrow(() -> new IllegalStateException("Seed courses not found: " + file))) {
            seed = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode course : seed.get("courses")) {
            String id = course.get("id").asText();
            Map<String, Object> sent = JSON.convertValue(course.get("fields"), Map.class);
            List<String> terms = new ArrayList<>(termIds("nestkaart-profession", course.get("professions")));
            terms.addAll(termIds("nestkaart-problem", course.get("topics")));
            sent.put(ListingKind.TERMS_FIELD, terms);
            List<Map<String, Object>> goals = new ArrayList<>();
            for (JsonNode goal : course.path("goals")) {
                goals.add(Map.of("profession_term_id", termId("nestkaart-profession", goal.get("profession").asText()),
                        "goal", goal.get("goal").asText()));
            }
            sent.put("goals", goals);
            Map<String, Object> fields = ListingKind.COURSE.merge(ListingKind.COURSE.blank(), sent);
            live.publish(ListingKind.COURSE, id, fields, true);
            revisions.record("course", id, "import", "system:seed", null, null, null);
            for (JsonNode s : course.get("sessions")) {
                insertSession(id, s);
            }
        }
        return seed.get("courses").size();
    }

    private void insertSession(String courseId, JsonNode s) {
        jdbc.prepareStatement("INSERT INTO course_session (id, course_id, starts_at, ends_at, online, place, "
                + "postal_code, capacity, seats_taken, registration_url, note, enrolment_opens, enrolment_closes, "
                + "waiting_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                insert -> {
            insert.setString(1, s.get("id").asText());
            insert.setString(2, courseId);
            insert.setTimestamp(3, Timestamp.valueOf(LocalDateTime.parse(s.get("starts_at").asText())));
            insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.parse(s.get("ends_at").asText())));
            insert.setBoolean(5, s.get("online").asBoolean());
            insert.setString(6, s.path("place").isNull() ? null : s.path("place").asText(null));
            insert.setString(7, s.path("postal_code").isNull() ? null : s.path("postal_code").asText(null));
            insert.setInt(8, s.get("capacity").asInt());
            insert.setInt(9, s.get("seats_taken").asInt());
            insert.setString(10, s.path("registration_url").asText(null));
            insert.setString(11, s.path("note").asText(null));
            insert.setDate(12, date(s.path("enrolment_opens")));
            insert.setDate(13, date(s.path("enrolment_closes")));
            insert.setBoolean(14, s.path("waiting_list").asBoolean(false));
            return insert.executeUpdate();
        });
        List<CourseSession.Day> days = new ArrayList<>();
        for (JsonNode day : s.path("days")) {
            days.add(new CourseSession.Day(LocalDateTime.parse(day.get("starts_at").asText()),
                    LocalDateTime.parse(day.get("ends_at").asText())));
        }
        sessions.replaceDays(s.get("id").asText(), days.isEmpty() ? List.of(new CourseSession.Day(
                LocalDateTime.parse(s.get("starts_at").asText()), LocalDateTime.parse(s.get("ends_at").asText()))) : days);
    }

    private static java.sql.Date date(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : java.sql.Date.valueOf(value.asText());
    }

    private List<String> termIds(String taxonomy, JsonNode codes) {
        List<String> ids = new ArrayList<>();
        for (JsonNode code : codes) {
            ids.add(termId(taxonomy, code.asText()));
        }
        return ids;
    }

    private String termId(String taxonomy, String code) {
        return terms.findIdByTaxonomyAndCode(taxonomy, code).orElseThrow(() ->
                new IllegalStateException("Seed course names unknown term " + taxonomy + ":" + code));
    }
}
