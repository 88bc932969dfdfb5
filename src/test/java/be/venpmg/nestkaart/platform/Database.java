package be.venpmg.nestkaart.platform;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Pooled connections for tests that look into the database directly, outside
 * Micronaut Data's contextual connection handling (the application itself has none). The caller closes it.
 */
@Singleton
public class Database {
    private final DataSource pool;

    public Database(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Connection open() throws SQLException {
        return pool.getConnection();
    }
}
