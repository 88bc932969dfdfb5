package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which listings each source (a publisher's dataset, imported again as it is updated) brought in its latest import.
 * A newer version that lacks some of them reports them; they are not deleted, because an editor may have made them
 * Nestkaart's own since, and a publisher's omission is no proof that the help ended.
 */
@Singleton
class ImportProvenance {
    private static final int BATCH = 1_000;

    /**
     * Records that this import ({@code run}) of {@code source} brought these records of the table, and answers the ids
     * of the table's records an earlier import of the source brought and this one did not, which still exist.
     */
    List<String> remember(Connection connection, String source, String run, HsdsTable table, List<ObjectNode> records)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO import_record (source, table_key, "
                + "record_id, run_id) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE run_id = VALUES(run_id)")) {
            int pending = 0;
            for (ObjectNode record : records) {
                upsert.setString(1, source);
                upsert.setString(2, table.key());
                upsert.setString(3, record.get(table.idField()).asText());
                upsert.setString(4, run);
                upsert.addBatch();
                if (++pending == BATCH) {
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            upsert.executeBatch();
        }
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
