package be.venpmg.nestkaart.kernel;


import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures mean "the database cannot be reached" (503, retry; pages from the index) and which are faults of
 * our own (500). The shapes are the ones seen when the database went away under load.
 */
class DatabaseOutageHandlersTest {

    @Test
    void recognisesTheWaysAnOutageSurfaces() {
        assertTrue(DatabaseOutageHandlers.isOutage(new ConnectionException(
                "Could not set JDBC Connection read-only: Connection is closed", new SQLException("Connection is closed"))),
                "the database went away while the request held a connection (seen in CI)");
        assertTrue(DatabaseOutageHandlers.isOutage(new IllegalStateException("Could not read the session",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        assertTrue(DatabaseOutageHandlers.isOutage(new SQLNonTransientConnectionException("(conn=5) Socket error")));
        assertTrue(DatabaseOutageHandlers.isOutage(new SQLException("Communications link failure", "08S01")));
        assertTrue(DatabaseOutageHandlers.isOutage(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void leavesOurOwnFaultsAlone() {
        assertFalse(DatabaseOutageHandlers.isOutage(new SQLSyntaxErrorException("You have an error", "42000")));
        assertFalse(DatabaseOutageHandlers.isOutage(new NoConnectionException("No current JDBC connection found")),
                "no connection in scope is a programming error, not an outage");
        assertFalse(DatabaseOutageHandlers.isOutage(new IllegalArgumentException("bad")));
        assertFalse(DatabaseOutageHandlers.isOutage(new SQLException("Duplicate entry", "23000")));
    }
}
