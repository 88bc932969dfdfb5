package be.venpmg.nestkaart.kernel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The transactional outbox: every change to a listing queues a row in the same transaction, and the indexer applies
 * the rows in order, so the search index follows the commit and never sees what was not committed.
 */
@Singleton
public class Outbox {
    private final JdbcOperations jdbc;

    Outbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a listing for re-indexing; only inside the caller's transaction, which is what makes it safe. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void queue(String entityType, String id) {
        jdbc.prepareStatement("INSERT INTO outbox (entity_type, entity_id, operation) VALUES (?, ?, 'upsert')", s -> {
            s.setString(1, entityType);
            s.setString(2, id);
            return s.executeUpdate();
        });
    }
}
