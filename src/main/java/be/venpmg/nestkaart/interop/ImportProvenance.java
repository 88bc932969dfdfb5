package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which listings each source (a publisher's dataset, imported again as it is updated) brought in its latest import.
 * A newer version that lacks some of them reports them; they are not deleted, because an editor may have made them
 * Nestkaart's own since, and a publisher's omission is no proof that the help ended.
 */
@Singleton
class ImportProvenance {
    private final JdbcOperations jdbc;

    ImportProvenance(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the database holds no organisation and no service yet (a fresh installation, to be seeded). */
    @ReadOnly
    boolean nothingImported() {
        return jdbc.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM "
                + "service)", s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /**
     * Records that this import ({@code run}) of {@code source} brought these records of the table (one batch of the
     * import: one statement).
     */
    void remember(Connection connection, String source, String run, HsdsTable table, List<ObjectNode> records)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO import_record (source, table_key, "
                + "record_id, run_id) VALUES " + String.join(", ", Collections.nCopies(records.size(), "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE run_id = VALUES(run_id)")) {
            int parameter = 1;
            for (ObjectNode record : records) {
                upsert.setString(parameter++, source);
                upsert.setString(parameter++, table.key());
                upsert.setString(parameter++, record.get(table.idField()).asText());
                upsert.setString(parameter++, run);
            }
            upsert.executeUpdate();
        }
    }

    /**
     * The ids of the table's records an earlier import of {@code source} brought and this one ({@code run}) did not,
     * which still exist.
     */
    List<String> disappeared(Connection connection, String source, String run, HsdsTable table) throws SQLException {
        List<String> gone = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.record_id FROM import_record r JOIN "
                + table.table() + " t ON t.id = r.record_id WHERE r.source = ? AND r.table_key = ? AND r.run_id <> ? "
                + "ORDER BY r.record_id")) {
            query.setString(1, source);
            query.setString(2, table.key());
            query.setString(3, run);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    gone.add(rs.getString(1));
                }
            }
        }
        return gone;
    }
}
