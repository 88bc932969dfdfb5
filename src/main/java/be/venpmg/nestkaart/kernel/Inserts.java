package be.venpmg.nestkaart.kernel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** An INSERT into a table with an auto-increment key, for stores on {@link JdbcOperations}. */
public final class Inserts {
    private Inserts() {
    }

    /** Sets the statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs the INSERT in the caller's transaction and returns the key the database gave the row. */
    public static long returningKey(JdbcOperations jdbc, String sql, Binder binder) {
        return jdbc.execute(c -> {
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                binder.bind(s);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
