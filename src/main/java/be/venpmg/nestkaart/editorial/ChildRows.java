package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Ids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows of a child table that point at a listing (phones, addresses, schedules, languages, costs, contacts), as
 * a {@link FieldSpec.Type#ROWS} field reads and writes them: in the order they were entered, each keeping its id
 * from version to version. Part of {@link LiveListings}; it runs in the caller's connection and transaction.
 */
final class ChildRows {
    private ChildRows() {
    }

    /** Columns a store fills from what was entered (an address's municipality from its postcode). */
    @FunctionalInterface
    interface DerivedColumns {
        Map<String, Object> of(String table, Map<String, Object> row);
    }

    static List<Map<String, Object>> read(Connection c, ListingKind kind, FieldSpec spec, String parentId)
            throws SQLException {
        List<FieldSpec> columns = spec.columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, " + names(columns) + " FROM " + spec.references()
                + " WHERE " + parent(kind) + " = ? ORDER BY position IS NULL, position, id")) {
            s.setString(1, parentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(FieldSpec.ROW_ID, rs.getString(1));
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i).name(), columns.get(i).fromDatabase(rs.getObject(i + 2)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * Makes the rows of the listing what {@code rows} says. A row whose id is one of this listing's rows is updated;
     * any other row is inserted with a new id (an id of another listing's row never reaches that row).
     */
    static void replace(Connection c, ListingKind kind, FieldSpec spec, String parentId,
                        List<Map<String, Object>> rows, DerivedColumns derived) throws SQLException {
        String table = spec.references();
        Set<String> existing = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " WHERE " + parent(kind) + " = ?")) {
            s.setString(1, parentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        Set<String> kept = rows.stream().map(r -> (String) r.get(FieldSpec.ROW_ID)).filter(existing::contains)
                .collect(Collectors.toSet());
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (String id : existing) {
                if (!kept.contains(id)) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        int position = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (FieldSpec column : spec.columns()) {
                values.put(column.name(), column.toDatabase(row.get(column.name())));
            }
            derived.of(table, row).forEach((column, value) -> {
                if (values.get(column) == null) {
                    values.put(column, value);
                }
            });
            values.put("position", position++);
            String id = (String) row.get(FieldSpec.ROW_ID);
            if (id != null && kept.contains(id)) {
                update(c, table, id, values);
            } else {
                values.put(parent(kind), parentId);
                insert(c, table, Ids.newId(), values);
            }
        }
    }

    private static void update(Connection c, String table, String id, Map<String, Object> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET "
                + values.keySet().stream().map(k -> k + " = ?").collect(Collectors.joining(", ")) + " WHERE id = ?")) {
            int i = bind(s, values);
            s.setString(i, id);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String table, String id, Map<String, Object> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", values.keySet())
                + ", id) VALUES (" + "?, ".repeat(values.size()) + "?)")) {
            int i = bind(s, values);
            s.setString(i, id);
            s.executeUpdate();
        }
    }

    private static int bind(PreparedStatement s, Map<String, Object> values) throws SQLException {
        int i = 1;
        for (Object value : values.values()) {
            s.setObject(i++, value);
        }
        return i;
    }

    /** The column that points at the listing: {@code service_id}, {@code location_id}, … */
    static String parent(ListingKind kind) {
        return kind.table() + "_id";
    }

    private static String names(List<FieldSpec> columns) {
        return columns.stream().map(FieldSpec::name).collect(Collectors.joining(", "));
    }
}
