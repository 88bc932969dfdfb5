package be.venpmg.nestkaart;

import io.micronaut.test.support.TestPropertyProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each test class a fresh database of its own on the real MariaDB server, so classes neither see nor
 * disturb each other's data. The database is dropped and created again when the class starts.
 */
public interface MariaDbTestSupport extends TestPropertyProvider {

    String HOST = System.getenv().getOrDefault("NESTKAART_TEST_DB_HOST", "127.0.0.1");
    String PORT = System.getenv().getOrDefault("NESTKAART_TEST_DB_PORT", "3306");
    String USER = System.getenv().getOrDefault("NESTKAART_TEST_DB_USER", "root");
    String PASSWORD = System.getenv().getOrDefault("NESTKAART_TEST_DB_PASSWORD", "");

    @Override
    default Map<String, String> getProperties() {
        String database = "nkt_" + getClass().getSimpleName().toLowerCase(Locale.ROOT);
        recreate(database);
        return Map.of(
                "nestkaart.search.index-dir", "target/test-index/" + database,
                "datasources.default.url", url(database),
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD);
    }

    /** A service of the test's own on one of these databases: random port, no embedded database, its own index. */
    static Map<String, Object> serviceOn(String database) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", url(database));
        properties.put("datasources.default.username", USER);
        properties.put("datasources.default.password", PASSWORD);
        properties.put("nestkaart.embedded-db.enabled", false);
        properties.put("nestkaart.search.index-dir", "target/test-index/" + database);
        return properties;
    }

    static String url(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }

    static void recreate(String database) {
        try (Connection connection = DriverManager.getConnection(url(""), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need a MariaDB server at " + HOST + ":" + PORT
                    + " (user " + USER + "); start it, see README", e);
        }
    }
}
