package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Published listings nobody verified for {@code stale-after} (twelve months), oldest first. */
@Singleton
public class Freshness {
    private static final String STALE = """
            SELECT kind, id, name, verified_at FROM (
              SELECT 'organization' AS kind, id, name, verified_at FROM organization WHERE publication_status = 'published'
              UNION ALL SELECT 'service', id, name, verified_at FROM service WHERE publication_status = 'published'
              UNION ALL SELECT 'location', id, COALESCE(name, id), verified_at FROM location WHERE publication_status = 'published'
              UNION ALL SELECT 'professional', id, CONCAT(given_name, ' ', family_name), verified_at FROM professional
                WHERE publication_status = 'published'
            ) listings WHERE verified_at IS NULL OR verified_at < ? ORDER BY verified_at IS NOT NULL, verified_at, name
            LIMIT ?""";
    private final Database database;
    private final Duration staleAfter;

    private final java.time.Clock clock;

    Freshness(Database database, @Value("${nestkaart.editorial.stale-after}") Duration staleAfter,
              java.time.Clock clock) {
        this.clock = clock;
        this.database = database;
        this.staleAfter = staleAfter;
    }

    @Serdeable
    public record StaleListing(String entityType, String entityId, String name, @Nullable Instant verifiedAt) {
    }

    public List<StaleListing> stale(int limit) throws SQLException {
        List<StaleListing> found = new ArrayList<>();
        try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(STALE)) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(staleAfter)));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp verified = rs.getTimestamp(4);
                    found.add(new StaleListing(rs.getString(1), rs.getString(2), rs.getString(3),
                            verified == null ? null : verified.toInstant()));
                }
            }
        }
        return found;
    }
}
