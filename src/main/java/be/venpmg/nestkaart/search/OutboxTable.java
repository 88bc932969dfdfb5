package be.venpmg.nestkaart.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The {@code outbox} table and the installation row, as the indexer reads, follows and purges them. */
@Singleton
class OutboxTable {
    private static final int GAPS_PER_QUERY = 100;
    private static final String ROW = "SELECT id, entity_type, entity_id, created_at FROM outbox ";
    private final JdbcOperations jdbc;

    OutboxTable(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The outbox as one query sees it: how far it was purged, its newest id, and the database clock (outbox times are
     * the database's, so replicas on other machines compare them without clock skew).
     */
    record Bounds(long purgedThrough, long newest, Instant now) {
    }

    /** The id of this database, so an index built from another one is recognised. */
    @ReadOnly
    Optional<String> installationId() {
        return jdbc.prepareStatement("SELECT id FROM installation", s -> {
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @ReadOnly
    Bounds bounds() {
        return jdbc.prepareStatement("SELECT outbox_purged_through, (SELECT COALESCE(MAX(id), 0) FROM outbox), NOW(3) "
                + "FROM installation", s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Bounds(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
            }
        });
    }

    /** Every row now visible, without its listing (a rebuild covers them all). */
    @ReadOnly
    List<OutboxCursor.Row> visible() {
        return jdbc.prepareStatement("SELECT id, created_at FROM outbox ORDER BY id", s -> {
            List<OutboxCursor.Row> visible = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    visible.add(new OutboxCursor.Row(rs.getLong(1), null, null, rs.getTimestamp(2).toInstant()));
                }
            }
            return visible;
        });
    }

    /** The next {@code limit} rows above {@code position}, ascending. */
    @ReadOnly
    List<OutboxCursor.Row> rowsAbove(long position, int limit) {
        return jdbc.prepareStatement(ROW + "WHERE id > ? ORDER BY id LIMIT ?", s -> {
            s.setLong(1, position);
            s.setInt(2, limit);
            return rows(s);
        });
    }

    /** Rows that have become visible inside the gaps (transactions that committed after later ones). */
    @ReadOnly
    List<OutboxCursor.Row> gapFills(List<OutboxCursor.Gap> gaps) {
        List<OutboxCursor.Row> rows = new ArrayList<>();
        for (int from = 0; from < gaps.size(); from += GAPS_PER_QUERY) {
            List<OutboxCursor.Gap> part = gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_QUERY));
            rows.addAll(jdbc.prepareStatement(ROW + "WHERE "
                    + String.join(" OR ", Collections.nCopies(part.size(), "id BETWEEN ? AND ?")), s -> {
                for (int i = 0; i < part.size(); i++) {
                    s.setLong(2 * i + 1, part.get(i).first());
                    s.setLong(2 * i + 2, part.get(i).last());
                }
                return rows(s);
            }));
        }
        return rows;
    }

    /** The ids one query names for {@code id}: the listings whose index entry shows the changed one. */
    @ReadOnly
    List<String> related(String sql, String id) {
        return jdbc.prepareStatement(sql, s -> {
            s.setString(1, id);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * Queues what the date alone can change for re-indexing: every public course (sessions pass, accreditation
     * ends) and every public service with a dated availability report (it ages); returns how many.
     */
    @Transactional
    int queueDated() {
        return jdbc.prepareStatement("INSERT INTO outbox (entity_type, entity_id, operation) "
                + "SELECT 'course', id, 'upsert' FROM public_course UNION ALL "
                + "SELECT 'service', id, 'upsert' FROM public_service WHERE waiting_reported_on IS NOT NULL",
                PreparedStatement::executeUpdate);
    }

    /**
     * Deletes rows older than the retention by the database clock (the clock outbox rows are written with) and
     * remembers how far it deleted; returns how many rows went.
     */
    @Transactional
    int purgeOlderThan(Duration retention) {
        Instant before = bounds().now().minus(retention);
        long through = jdbc.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM outbox WHERE created_at < ?", s -> {
            s.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (through == 0) {
            return 0;
        }
        int purged = jdbc.prepareStatement("DELETE FROM outbox WHERE id <= ?", s -> {
            s.setLong(1, through);
            return s.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE installation SET outbox_purged_through = GREATEST(outbox_purged_through, ?)", s -> {
            s.setLong(1, through);
            return s.executeUpdate();
        });
        return purged;
    }

    private static List<OutboxCursor.Row> rows(PreparedStatement select) throws SQLException {
        List<OutboxCursor.Row> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new OutboxCursor.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return rows;
    }
}
