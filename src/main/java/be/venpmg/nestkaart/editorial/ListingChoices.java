package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an editor can point a field at, found by a few letters of its name, place or postcode: organisations,
 * locations (with their address), taxonomy terms and information pages, in any publication status (a draft may link to a draft).
 */
@Singleton
public class ListingChoices {
    private static final int MAX = 20;
    private static final Map<String, String> QUERIES = Map.of(
            "organization", """
                    SELECT id, name FROM organization
                    WHERE publication_status <> 'archived' AND (name LIKE ? OR id = ?) ORDER BY name LIMIT ?""",
            "location", """
                    SELECT l.id, CONCAT_WS(', ', COALESCE(l.name, o.name), CONCAT_WS(' ', a.address_1, a.postal_code, a.city))
                    FROM location l LEFT JOIN organization o ON o.id = l.organization_id
                    LEFT JOIN address a ON a.location_id = l.id AND (a.position IS NULL OR a.position = 0)
                    WHERE l.publication_status <> 'archived'
                      AND (l.name LIKE ? OR o.name LIKE ? OR a.city LIKE ? OR a.postal_code LIKE ? OR l.id = ?)
                    ORDER BY 2 LIMIT ?""",
            "taxonomy_term", """
                    SELECT t.id, CONCAT(t.name, ' (', COALESCE(x.description, x.name, t.taxonomy), ')')
                    FROM taxonomy_term t LEFT JOIN taxonomy x ON x.id = t.taxonomy_id
                    WHERE t.name LIKE ? OR t.code LIKE ? OR t.id = ? ORDER BY t.name LIMIT ?""",
            "info_page", """
                    SELECT id, CONCAT(title, ' (/informatie/', slug, ')') FROM info_page
                    WHERE publication_status <> 'archived' AND (title LIKE ? OR slug LIKE ? OR id = ?)
                    ORDER BY title LIMIT ?""");
    private final JdbcOperations jdbc;

    ListingChoices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A choice: the id the field takes and what the editor reads. */
    @Serdeable
    public record Choice(String id, String label) {
    }

    @ReadOnly
    public List<Choice> find(String table, String text) {
        String sql = QUERIES.get(table);
        if (sql == null) {
            throw new InvalidParameterException("table", "must be one of " + QUERIES.keySet());
        }
        String typed = text == null ? "" : text.strip();
        String like = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        int count = (int) sql.chars().filter(ch -> ch == '?').count();
        return jdbc.prepareStatement(sql, s -> {
            for (int i = 1; i < count; i++) {
                s.setString(i, like);
            }
            s.setString(count - 1, typed);
            s.setInt(count, MAX);
            List<Choice> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Choice(rs.getString(1), rs.getString(2)));
                }
            }
            return found;
        });
    }
}
