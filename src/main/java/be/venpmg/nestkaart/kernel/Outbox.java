package be.venpmg.nestkaart.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The transactional outbox: every change to a listing queues a row in the same transaction, and the indexer applies
 * the rows in order, so the search index follows the commit and never sees what was not committed.
 */
public final class Outbox {
    private Outbox() {
    }

    /** Queues a listing for re-indexing, in the caller's transaction. */
    public static void queue(Connection c, String entityType, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO outbox (entity_type, entity_id, operation) VALUES (?, ?, 'upsert')")) {
            s.setString(1, entityType);
            s.setString(2, id);
            s.executeUpdate();
        }
    }
}
