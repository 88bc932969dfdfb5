package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.ReportAge;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Published listings to check, oldest first: nobody verified them for {@code stale-after} (twelve months), or their
 * reported availability is older than {@link ReportAge} believes.
 */
@Singleton
public class Freshness {
    private static final String STALE = """
            SELECT kind, id, name, verified_at, why FROM (
              SELECT kind, id, name, verified_at, 'verification' AS why FROM (
                SELECT 'organization' AS kind, id, name, verified_at FROM organization WHERE publication_status = 'published'
                UNION ALL SELECT 'service', id, name, verified_at FROM service WHERE publication_status = 'published'
                UNION ALL SELECT 'location', id, COALESCE(name, id), verified_at FROM location
                  WHERE publication_status = 'published'
                UNION ALL SELECT 'professional', id, CONCAT(given_name, ' ', family_name), verified_at FROM professional
                  WHERE publication_status = 'published'
              ) listings WHERE verified_at IS NULL OR verified_at < ?
              UNION ALL SELECT 'service', id, name, verified_at, 'availability' FROM service
                WHERE publication_status = 'published' AND waiting_reported_on < ?
            ) due ORDER BY verified_at IS NOT NULL, verified_at, name LIMIT ?""";
    private final JdbcOperations jdbc;
    private final Duration staleAfter;

    private final java.time.Clock clock;

    private final ReportAge reportAge;

    Freshness(JdbcOperations jdbc, @Value("${nestkaart.editorial.stale-after}") Duration staleAfter,
              java.time.Clock clock, ReportAge reportAge) {
        this.reportAge = reportAge;
        this.clock = clock;
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    @Serdeable
    /** A listing to check; {@code why} is {@code verification} (not checked for long) or {@code availability}. */
    public record StaleListing(String entityType, String entityId, String name, @Nullable Instant verifiedAt,
                               String why) {
    }

    @ReadOnly
    public List<StaleListing> stale(int limit) {
        return jdbc.prepareStatement(STALE, s -> {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(staleAfter)));
            s.setDate(2, java.sql.Date.valueOf(reportAge.believedSince()));
            s.setInt(3, limit);
            List<StaleListing> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp verified = rs.getTimestamp(4);
                    found.add(new StaleListing(rs.getString(1), rs.getString(2), rs.getString(3),
                            verified == null ? null : verified.toInstant(), rs.getString(5)));
                }
            }
            return found;
        });
    }
}
