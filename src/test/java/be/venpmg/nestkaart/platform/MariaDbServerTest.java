package be.venpmg.nestkaart.platform;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test suite talks to a real MariaDB server (not H2), and Flyway's migrations are applied there. */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbServerTest implements MariaDbTestSupport {
    @Inject
    Database database;

    @Test
    void talksToMariaDb() throws SQLException {
        try (Connection connection = database.open()) {
            assertEquals("MariaDB", connection.getMetaData().getDatabaseProductName());
            assertTrue(Sql.scalar(connection, "SELECT VERSION()").contains("MariaDB"));
            assertEquals("nkt_mariadbservertest", Sql.scalar(connection, "SELECT DATABASE()"));
        }
    }

    @Test
    void migrationsCreateTheSchemaOnInnoDb() throws SQLException {
        try (Connection connection = database.open()) {
            assertEquals("0", Sql.scalar(connection, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
            assertTrue(Integer.parseInt(Sql.scalar(connection, "SELECT COUNT(*) FROM flyway_schema_history")) >= 1);
            for (String table : new String[]{"organization", "location", "address", "service", "service_at_location",
                    "taxonomy", "taxonomy_term", "taxonomy_term_synonym", "attribute", "language", "cost_option",
                    "phone", "contact", "schedule", "professional", "professional_affiliation", "revision", "outbox",
                    "geo_postal_code"}) {
                assertEquals("InnoDB", Sql.scalar(connection, "SELECT engine FROM information_schema.tables "
                        + "WHERE table_schema = DATABASE() AND table_name = '" + table + "'"), table);
            }
        }
    }

    @Test
    void constraintsGuardTheListings() throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            assertThrowsSql(() -> statement.execute("INSERT INTO organization (id, name, description, publication_status, "
                    + "created_at, updated_at) VALUES ('x', 'X', 'X', 'visible', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"));
            assertThrowsSql(() -> statement.execute("INSERT INTO service (id, organization_id, name, status, created_at, "
                    + "updated_at) VALUES ('y', 'no-such-organization', 'Y', 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"));
        }
    }

    private static void assertThrowsSql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("the database accepted an invalid row");
    }

    private interface SqlAction {
        void run() throws SQLException;
    }
}
