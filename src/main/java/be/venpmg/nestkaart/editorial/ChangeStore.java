package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Revisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import be.venpmg.nestkaart.access.RequestRefusedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code listing_change} table. Proposals are stored as JSON in their canonical field form. */
@Singleton
class ChangeStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String COLUMNS = "id, entity_type, entity_id, operation, status, version, proposed, reason, authors, "
            + "suggestion_id, submitted_at, decided_by, decided_at, decision_reason, created_at, updated_at";
    private final LiveListings live;
    private final java.time.Clock clock;
    private final JdbcOperations jdbc;

    ChangeStore(LiveListings live, java.time.Clock clock, JdbcOperations jdbc) {
        this.live = live;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stores a new change; a listing has at most one open change, so a second one is a conflict. */
    @Transactional
    long insert(ListingKind kind, String entityId, String operation, String status, Map<String, Object> proposed,
                String reason, long author, @Nullable Long suggestionId) {
        return jdbc.execute(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO listing_change (entity_type, entity_id, "
                    + "operation, status, proposed, reason, authors, created_by, suggestion_id, submitted_at, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(clock.instant());
                s.setString(1, kind.name());
                s.setString(2, entityId);
                s.setString(3, operation);
                s.setString(4, status);
                s.setString(5, Revisions.json(proposed));
                s.setString(6, reason);
                s.setString(7, Revisions.json(List.of(author)));
                s.setLong(8, author);
                s.setObject(9, suggestionId, Types.BIGINT);
                s.setTimestamp(10, "in_review".equals(status) ? now : null);
                s.setTimestamp(11, now);
                s.setTimestamp(12, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLIntegrityConstraintViolationException e) {
                throw RequestRefusedException.conflict("This listing has an open change already; edit that one.");
            }
        });
    }

    /** A new version of the proposal: whoever opened the change before sees it as changed. */
    @Transactional
    void updateProposal(long id, Map<String, Object> proposed, String reason, List<Long> authors) {
        jdbc.prepareStatement("UPDATE listing_change SET proposed = ?, reason = ?, authors = ?, version = version + 1, "
                + "updated_at = ? WHERE id = ?", s -> {
            s.setString(1, Revisions.json(proposed));
            s.setString(2, reason);
            s.setString(3, Revisions.json(authors));
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setLong(5, id);
            return s.executeUpdate();
        });
    }

    /** Moves a change on; false when it was no longer in {@code from} (someone else acted first). */
    @Transactional
    boolean move(long id, String from, String to, @Nullable Long decidedBy, @Nullable String reason) {
        boolean decision = !"in_review".equals(to);
        return jdbc.prepareStatement("UPDATE listing_change SET status = ?, updated_at = ?, "
                + (decision ? "decided_by = ?, decided_at = ?, decision_reason = ?" : "submitted_at = ?")
                + " WHERE id = ? AND status = ?", s -> {
            Timestamp now = Timestamp.from(clock.instant());
            int i = 1;
            s.setString(i++, to);
            s.setTimestamp(i++, now);
            if (decision) {
                s.setObject(i++, decidedBy, Types.BIGINT);
                s.setTimestamp(i++, now);
                s.setString(i++, reason);
            } else {
                s.setTimestamp(i++, now);
            }
            s.setLong(i++, id);
            s.setString(i, from);
            return s.executeUpdate() == 1;
        });
    }

    /** A change; {@code lock} holds its row until the transaction ends, so two reviewers cannot both decide. */
    @Transactional
    Optional<Change> byId(long id, boolean lock) {
        return query("SELECT " + COLUMNS + " FROM listing_change WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                List.of(id)).stream().findFirst();
    }

    @ReadOnly
    Optional<Change> openFor(String entityType, String entityId) {
        return query("SELECT " + COLUMNS + " FROM listing_change WHERE open_key = ?",
                List.of(entityType + ":" + entityId)).stream().findFirst();
    }

    /** The open changes of an organisation and of its services and locations. */
    @ReadOnly
    List<Change> openOfOrganization(String organizationId) {
        return query("SELECT " + COLUMNS + " FROM listing_change WHERE status IN ('draft', 'in_review') AND ("
                + "(entity_type = 'organization' AND entity_id = ?) "
                + "OR (entity_type = 'service' AND entity_id IN (SELECT id FROM service WHERE organization_id = ?)) "
                + "OR (entity_type = 'location' AND entity_id IN (SELECT id FROM location WHERE organization_id = ?))) "
                + "ORDER BY updated_at", List.of(organizationId, organizationId, organizationId));
    }

    @ReadOnly
    List<Change> withStatus(String status, int limit) {
        return query("SELECT " + COLUMNS + " FROM listing_change WHERE status = ? ORDER BY updated_at LIMIT ?",
                List.of(status, limit));
    }

    @ReadOnly
    List<Change> forEntity(String entityType, String entityId) {
        return query("SELECT " + COLUMNS + " FROM listing_change WHERE entity_type = ? AND entity_id = ? "
                + "ORDER BY id DESC", List.of(entityType, entityId));
    }

    @Transactional
    void deleteForEntity(String entityType, String entityId) {
        jdbc.prepareStatement("DELETE FROM listing_change WHERE entity_type = ? AND entity_id = ?", s -> {
            s.setString(1, entityType);
            s.setString(2, entityId);
            return s.executeUpdate();
        });
    }

    private List<Change> query(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, s -> {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(read(rs));
                }
            }
            return changes;
        });
    }

    private Change read(ResultSet rs) throws SQLException {
        ListingKind kind = ListingKind.named(rs.getString("entity_type"));
        String entityId = rs.getString("entity_id");
        Map<String, Object> proposed = canonical(kind, parse(rs.getString("proposed"), new TypeReference<>() { }));
        List<Long> authors = parse(rs.getString("authors"), new TypeReference<List<Long>>() { });
        Map<String, Object> current = live.read(kind, entityId).map(LiveListings.Live::fields).orElse(null);
        return new Change(rs.getLong("id"), kind.name(), entityId, rs.getString("operation"), rs.getString("status"),
                rs.getInt("version"),
                proposed, current, ListingKind.diff(current == null ? Map.of() : current, proposed),
                rs.getString("reason"), authors, rs.getObject("suggestion_id", Long.class),
                instant(rs.getTimestamp("submitted_at")), rs.getObject("decided_by", Long.class),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** JSON gives back numbers as Integer or BigDecimal; the field specs make them canonical again. */
    private static Map<String, Object> canonical(ListingKind kind, Map<String, Object> stored) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec spec : kind.fields()) {
            Object value = stored.get(spec.name());
            fields.put(spec.name(), value == null ? null : spec.type() == FieldSpec.Type.ROWS ? spec.parse(value)
                    : spec.isList() ? value : spec.fromDatabase(value));
        }
        return fields;
    }

    private static <T> T parse(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable change", e);
        }
    }

    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
