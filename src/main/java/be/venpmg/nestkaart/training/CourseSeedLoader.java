package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.editorial.ListingKind;
import be.venpmg.nestkaart.editorial.LiveListings;
import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final Database database;
    private final LiveListings live;
    private final Revisions revisions;
    private final ResourceResolver resources;
    private final String file;

    CourseSeedLoader(Database database, LiveListings live, Revisions revisions, ResourceResolver resources,
                     @Value("${nestkaart.seed.courses}") String file) {
        this.database = database;
        this.live = live;
        this.revisions = revisions;
        this.resources = resources;
        this.file = file;
    }

    public int load() throws SQLException {
        JsonNode seed;
        try (InputStream in = resources.getResourceAsStream(file)
                .orElseThrow(() -> new IllegalStateException("Seed courses not found: " + file))) {
            seed = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            for (JsonNode course : seed.get("courses")) {
                String id = course.get("id").asText();
                Map<String, Object> sent = JSON.convertValue(course.get("fields"), Map.class);
                List<String> terms = new ArrayList<>(termIds(c, "nestkaart-profession", course.get("professions")));
                terms.addAll(termIds(c, "nestkaart-problem", course.get("topics")));
                sent.put(ListingKind.TERMS_FIELD, terms);
                Map<String, Object> fields = ListingKind.COURSE.merge(ListingKind.COURSE.blank(), sent);
                live.publish(c, ListingKind.COURSE, id, fields, true);
                revisions.record(c, "course", id, "import", "system:seed", null, null, null);
                for (JsonNode s : course.get("sessions")) {
                    insertSession(c, id, s);
                }
            }
            c.commit();
        }
        return seed.get("courses").size();
    }

    private static void insertSession(Connection c, String courseId, JsonNode s) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO course_session (id, course_id, starts_at, "
                + "ends_at, online, place, postal_code, capacity, seats_taken, registration_url, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            insert.executeUpdate();
        }
    }

    private static List<String> termIds(Connection c, String taxonomy, JsonNode codes) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (JsonNode code : codes) {
            try (PreparedStatement s = c.prepareStatement("SELECT t.id FROM taxonomy_term t JOIN taxonomy x "
                    + "ON x.id = t.taxonomy_id WHERE x.name = ? AND t.code = ?")) {
                s.setString(1, taxonomy);
                s.setString(2, code.asText());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("Seed course names unknown term " + taxonomy + ":" + code);
                    }
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
