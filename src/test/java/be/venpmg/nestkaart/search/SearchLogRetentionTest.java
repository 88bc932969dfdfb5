package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.SettableClock;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people searched is written in batches, each with the moment it was asked by the application's clock, and
 * forgotten after the configured retention.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchLogRetentionTest implements MariaDbTestSupport {
    @Inject
    SearchLog log;
    @Inject
    Database database;
    @Inject
    SettableClock clock;

    @Test
    void searchesOlderThanTheRetentionAreForgotten() throws Exception {
        Instant now = clock.instant();
        try (Connection c = database.open()) {
            c.createStatement().executeUpdate("DELETE FROM search_log");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO search_log (query_text, result_count, "
                    + "took_ms, created_at) VALUES (?, 1, 1, ?)")) {
                for (Object[] row : new Object[][]{{"ik ben sarah uit gent", now.minus(Duration.ofDays(181))},
                        {"somber na de bevalling", now.minus(Duration.ofDays(179))},
                        {"huilbaby", now.minus(Duration.ofMinutes(5))}}) {
                    insert.setString(1, (String) row[0]);
                    insert.setTimestamp(2, Timestamp.from((Instant) row[1]));
                    insert.executeUpdate();
                }
            }
        }
        assertEquals(1, log.purge(), "only the search older than 180 days goes");
        try (Connection c = database.open()) {
            assertEquals(java.util.Set.of("somber na de bevalling", "huilbaby"),
                    Sql.values(c, "SELECT query_text FROM search_log"));
        }
        clock.set(now.plus(Duration.ofDays(2)));
        try {
            assertEquals(1, log.purge(), "a day later the next one has aged out");
            try (Connection c = database.open()) {
                assertTrue(Sql.values(c, "SELECT query_text FROM search_log").contains("huilbaby"));
            }
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void aBurstOfSearchesIsWrittenWholeInBatchesAtTheMomentsTheyWereAsked() throws Exception {
        try (Connection c = database.open()) {
            c.createStatement().executeUpdate("DELETE FROM search_log WHERE query_text LIKE 'burst %'");
        }
        Instant asked = Instant.parse("2026-06-01T10:00:00Z");
        clock.set(asked);
        try {
            for (int i = 0; i < 1_234; i++) {
                log.record(new SearchRequest("burst " + i, "service", java.util.Map.of(), null, null, null, null, null,
                        null, null, SearchRequest.Sort.RELEVANCE, 10, 1, SearchRequest.Audience.PARENTS), i,
                        java.util.List.of(), false, 3);
            }
        } finally {
            clock.set(Instant.now());
        }
        be.venpmg.nestkaart.IndexedCorpus.waitUntil(() -> count("SELECT COUNT(*) FROM search_log WHERE query_text "
                + "LIKE 'burst %'") == 1_234, 10_000, "every search of the burst is written");
        // The test clock moves on from the moment it is set to: each search at most a minute after it.
        try (Connection c = database.open(); PreparedStatement within = c.prepareStatement("SELECT COUNT(*) FROM "
                + "search_log WHERE query_text LIKE 'burst %' AND created_at BETWEEN ? AND ?")) {
            within.setTimestamp(1, Timestamp.from(asked));
            within.setTimestamp(2, Timestamp.from(asked.plus(Duration.ofMinutes(1))));
            try (var rs = within.executeQuery()) {
                rs.next();
                assertEquals(1_234, rs.getLong(1));
            }
        }
        assertEquals(1_233, count("SELECT result_count FROM search_log WHERE query_text = 'burst 1233'"));
    }

    private long count(String sql) {
        try (Connection c = database.open()) {
            return Long.parseLong(Sql.scalar(c, sql));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
