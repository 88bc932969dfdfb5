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

/** What people searched is forgotten after the configured retention, by the application's clock. */
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
}
