package be.venpmg.nestkaart.search;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.kernel.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword research loop for editors: the most frequent queries and those that found nothing (before widening),
 * over the last {@code days} days.
 */
@Secured(Roles.EDITOR)
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor/search-stats")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchStatsController {
    private final Database database;
    private final PageRequest.Limits limits;
    private final java.time.Clock clock;

    SearchStatsController(Database database, PageRequest.Limits limits, java.time.Clock clock) {
        this.database = database;
        this.limits = limits;
        this.clock = clock;
    }


    @Get
    Stats stats(@Nullable @QueryValue String days, @Nullable @QueryValue String limit) throws SQLException {
        int span = PageRequest.wholeNumber("days", days, 30, 1, 366);
        int rows = limits.parse(limit, null).limit();
        try (Connection c = database.open()) {
            java.sql.Timestamp since = java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(span)));
            return new Stats(span, top(c, "", since, rows),
                    top(c, "AND (result_count = 0 OR widened IS NOT NULL)", since, rows));
        }
    }

    private static List<QueryCount> top(Connection c, String condition, java.sql.Timestamp since, int limit)
            throws SQLException {
        List<QueryCount> rows = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement("""
                SELECT LOWER(query_text) q, COUNT(*) n, AVG(result_count) FROM search_log
                WHERE created_at >= ? AND query_text <> '' %s
                GROUP BY q ORDER BY n DESC, q LIMIT ?""".formatted(condition))) {
            statement.setTimestamp(1, since);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QueryCount(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
                }
            }
        }
        return rows;
    }

    @Serdeable
    record Stats(int days, List<QueryCount> topQueries, List<QueryCount> zeroResultQueries) {
    }

    @Serdeable
    record QueryCount(String query, long count, double averageResults) {
    }
}
