package be.venpmg.nestkaart.kernel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit trail: one revision row per write, by whom, when, what changed and why. */
@Singleton
public class Revisions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = "INSERT INTO revision (entity_type, entity_id, action, actor, "
            + "actor_account_id, reason, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private final java.time.Clock clock;
    private final JdbcOperations jdbc;

    Revisions(java.time.Clock clock, JdbcOperations jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** One revision as the history shows it; {@code changes} maps a field to {@code {from, to}}. */
    @Serdeable
    public record Revision(long id, String entityType, String entityId, String action, String actor,
                           @Nullable String reason, @Nullable Map<String, Object> changes, Instant createdAt) {
    }

    /** Records a revision in the current transaction (stores on {@link JdbcOperations}). */
    @Transactional
    public void record(String entityType, String entityId, String action, Actor actor, @Nullable String reason,
                       @Nullable Map<String, ?> changes) {
        record(entityType, entityId, action, actor.label(), actor.accountId(), reason, changes);
    }

    @Transactional
    public void record(String entityType, String entityId, String action, String actor, @Nullable Long actorAccountId,
                       @Nullable String reason, @Nullable Map<String, ?> changes) {
        jdbc.prepareStatement(INSERT, s -> {
            bind(s, entityType, entityId, action, actor, actorAccountId, reason, changes);
            return s.executeUpdate();
        });
    }

    private void bind(PreparedStatement s, String entityType, String entityId, String action, String actor,
                      @Nullable Long actorAccountId, @Nullable String reason, @Nullable Map<String, ?> changes)
            throws SQLException {
        s.setString(1, entityType);
        s.setString(2, entityId);
        s.setString(3, action);
        s.setString(4, actor);
        s.setObject(5, actorAccountId, Types.BIGINT);
        s.setString(6, reason);
        s.setString(7, changes == null || changes.isEmpty() ? null : json(changes));
        s.setTimestamp(8, java.sql.Timestamp.from(clock.instant()));
    }

    @ReadOnly
    public List<Revision> history(String entityType, String entityId) {
        return jdbc.prepareStatement("SELECT id, entity_type, entity_id, action, actor, reason, changes, created_at "
                + "FROM revision WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC", s -> {
            s.setString(1, entityType);
            s.setString(2, entityId);
            List<Revision> history = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String changes = rs.getString(7);
                    history.add(new Revision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), changes == null ? null : JSON.readValue(changes, Map.class),
                            rs.getTimestamp(8).toInstant()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable revision", e);
            }
            return history;
        });
    }

    /** Forgets every revision of an erased person but the fact that the erasure happened. */
    @Transactional
    public void forget(String entityType, String entityId) {
        jdbc.prepareStatement("DELETE FROM revision WHERE entity_type = ? AND entity_id = ?", s -> {
            s.setString(1, entityType);
            s.setString(2, entityId);
            return s.executeUpdate();
        });
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
