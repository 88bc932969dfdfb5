package be.venpmg.nestkaart.interop;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the public records of an {@link HsdsTable} back out of the database as HSDS JSON records: the same field names
 * and value shapes the importer reads, absent fields for NULL. Listings are public when published; professionals also
 * need their consent. Other tables are not filtered here: callers reach them through public parents.
 */
@Singleton
class HsdsRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int CHUNK = 1_000;

    private final JdbcOperations jdbc;

    HsdsRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * When a service, as /hsds publishes it, last changed: its own row (with the rows nested in it, which only change
     * through it), its organisation, or one of its locations. SQL over the service row with this alias.
     */
    static String serviceLastModified(String alias) {
        return ("GREATEST(%1$s.updated_at,"
                + " COALESCE((SELECT o.updated_at FROM organization o WHERE o.id = %1$s.organization_id), %1$s.updated_at),"
                + " COALESCE((SELECT MAX(l.updated_at) FROM service_at_location sl JOIN location l ON l.id = sl.location_id"
                + " WHERE sl.service_id = %1$s.id), %1$s.updated_at))").formatted(alias);
    }

    /** {@link #serviceLastModified} of these services, as HSDS date-times. */
    @ReadOnly
    public Map<String, String> lastModified(Collection<String> serviceIds) {
        Map<String, String> found = new LinkedHashMap<>();
        return jdbc.execute(connection -> {
            forEachChunk(serviceIds, (chunk, marks) -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT s.id, "
                        + serviceLastModified("s") + " FROM service s WHERE s.id IN (" + marks + ")")) {
                    bind(statement, 1, chunk);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), dateTime(rs.getObject(2, LocalDateTime.class)));
                        }
                    }
                }
            });
            return found;
        });
    }

    /** The revisions that changed a live record, as HSDS metadata tells them. */
    private static final List<String> LIVE_CHANGES = List.of("import", "published", "verified", "archived");
    private static final int METADATA_PER_RECORD = 20;

    /**
     * HSDS metadata of these records (a service, organisation or location): their latest changes from the audit trail,
     * newest first, with the fields changed but not the values (earlier values may be what an editor took offline),
     * and who changed them as a role, not a person.
     */
    @ReadOnly
    public Map<String, List<ObjectNode>> metadata(String resourceType, Collection<String> ids) {
        Map<String, List<ObjectNode>> found = new LinkedHashMap<>();
        return jdbc.execute(connection -> {
            forEachChunk(ids, (chunk, marks) -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT id, entity_id, action, actor, "
                        + "changes, created_at FROM revision WHERE entity_type = ? AND action IN ('"
                        + String.join("', '", LIVE_CHANGES) + "') AND entity_id IN (" + marks + ") ORDER BY id DESC")) {
                    statement.setString(1, resourceType);
                    bind(statement, 2, chunk);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            List<ObjectNode> list = found.computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                            if (list.size() < METADATA_PER_RECORD) {
                                list.add(metadataRecord(rs, resourceType));
                            }
                        }
                    }
                }
            });
            return found;
        });
    }

    private static ObjectNode metadataRecord(ResultSet rs, String resourceType) throws SQLException {
        String action = rs.getString(3);
        ObjectNode metadata = JSON.objectNode();
        metadata.put("id", UUID.nameUUIDFromBytes(("nestkaart-revision:" + rs.getLong(1))
                .getBytes(StandardCharsets.UTF_8)).toString());
        metadata.put("resource_id", rs.getString(2));
        metadata.put("resource_type", resourceType);
        metadata.put("last_action_date", rs.getObject(6, LocalDateTime.class).toLocalDate().toString());
        metadata.put("last_action_type", action);
        // An import's revision holds the whole record, an editor's the fields it changed.
        metadata.put("field_name", action.equals("import") ? "" : changedFields(rs.getString(5)));
        metadata.put("previous_value", "");
        metadata.put("replacement_value", "");
        metadata.put("updated_by", updatedBy(rs.getString(4)));
        return metadata;
    }

    private static String changedFields(String changes) {
        if (changes == null) {
            return "";
        }
        try {
            List<String> fields = new ArrayList<>();
            MAPPER.readTree(changes).fieldNames().forEachRemaining(fields::add);
            return String.join(", ", fields);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** "anna@… (editor)" → "Nestkaart (editor)"; an import or the seed keeps its own label. */
    private static String updatedBy(String actor) {
        int role = actor.lastIndexOf(" (");
        return role >= 0 && actor.endsWith(")") ? "Nestkaart" + actor.substring(role) : actor;
    }

    /** Every public record of the table, in a stable order. */
    @ReadOnly
    public List<ObjectNode> all(HsdsTable table) {
        return jdbc.execute(connection -> read(connection, table, null, List.of(), null));
    }

    /** The public records whose {@code field} holds one of the values. */
    @ReadOnly
    public List<ObjectNode> where(HsdsTable table, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.execute(connection -> {
            List<ObjectNode> found = new ArrayList<>();
            forEachChunk(values, (chunk, marks) -> found.addAll(read(connection, table,
                    quoted(table.column(field)) + " IN (" + marks + ")", chunk, null)));
            return found;
        });
    }

    /**
     * The stored records with these ids, published or not (an import that brings only some fields of a record keeps
     * the others), by id.
     */
    @ReadOnly
    public Map<String, ObjectNode> stored(HsdsTable table, Collection<String> ids) {
        return jdbc.execute(connection -> {
            Map<String, ObjectNode> found = new LinkedHashMap<>();
            forEachChunk(ids, (chunk, marks) -> read(connection, table, table.table(),
                    quoted(table.column(table.idField())) + " IN (" + marks + ")", chunk, null)
                    .forEach(record -> found.put(record.get(table.idField()).asText(), record)));
            return found;
        });
    }

    /** What a query does with one chunk of ids: {@code marks} is "?,?,…" for its IN list. */
    @FunctionalInterface
    private interface ChunkQuery {
        void run(List<String> chunk, String marks) throws SQLException;
    }

    /** Queries by id list a chunk at a time, so a statement never carries more parameters than the server takes. */
    private static void forEachChunk(Collection<String> ids, ChunkQuery query) throws SQLException {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            query.run(chunk, String.join(",", Collections.nCopies(chunk.size(), "?")));
        }
    }

    private static void bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }

    /** The public records matching a condition of the caller (columns of the table, positional parameters). */
    @ReadOnly
    public List<ObjectNode> matching(HsdsTable table, String condition, List<?> parameters, String orderBy) {
        return jdbc.execute(connection -> read(connection, table, condition, parameters, orderBy));
    }

    /** The same records grouped by the value of {@code field}, for nesting under their parents. */
    public Map<String, List<ObjectNode>> byParent(HsdsTable table, String field, Collection<String> parentIds) {
        return where(table, field, parentIds).stream().collect(Collectors.groupingBy(
                record -> record.get(field).asText(), LinkedHashMap::new, Collectors.toList()));
    }

    /** Where a table's rows are read: a listing table through its public view (V11__public_views.sql). */
    static String source(HsdsTable table) {
        return table.isListing() ? "public_" + table.table() : table.table();
    }

    private static List<ObjectNode> read(Connection connection, HsdsTable table, String condition, List<?> parameters,
                                         String orderBy) throws SQLException {
        return read(connection, table, source(table), condition, parameters, orderBy);
    }

    private static List<ObjectNode> read(Connection connection, HsdsTable table, String from, String condition,
                                         List<?> parameters, String orderBy) throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (condition != null) {
            conditions.add(condition);
        }
        String sql = "SELECT " + table.fields().stream().map(f -> quoted(table.column(f))).collect(Collectors.joining(", "))
                + " FROM " + from
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY " + (orderBy != null ? orderBy : defaultOrder(table));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<ObjectNode> records = new ArrayList<>();
                while (rs.next()) {
                    ObjectNode record = JSON.objectNode();
                    for (int i = 0; i < table.fields().size(); i++) {
                        put(record, table.fields().get(i), rs, i + 1, meta.getColumnType(i + 1));
                    }
                    records.add(record);
                }
                return records;
            }
        }
    }

    private static String defaultOrder(HsdsTable table) {
        return table.idField() != null ? quoted(table.column(table.idField()))
                : table.fields().stream().limit(2).map(f -> quoted(table.column(f))).collect(Collectors.joining(", "));
    }

    /** One column as its HSDS JSON value: date-times in UTC (as the importer stores them), times with seconds. */
    /** Stored date-times are UTC. */
    private static String dateTime(LocalDateTime value) {
        return DateTimeFormatter.ISO_INSTANT.format(value.toInstant(ZoneOffset.UTC));
    }

    private static void put(ObjectNode record, String field, ResultSet rs, int column, int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.BIT, Types.BOOLEAN, Types.TINYINT -> {
                Object value = rs.getObject(column);
                if (value instanceof Boolean flag) {
                    record.put(field, flag);
                } else if (value instanceof Number number) {
                    record.put(field, number.intValue() != 0);
                }
            }
            case Types.INTEGER, Types.SMALLINT, Types.BIGINT -> {
                long value = rs.getLong(column);
                if (!rs.wasNull()) {
                    record.put(field, value);
                }
            }
            case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = rs.getDouble(column);
                if (!rs.wasNull()) {
                    // A whole number goes out as it came in (2, not 2.0); a fraction exactly (0.5).
                    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                        record.put(field, (long) value);
                    } else {
                        record.put(field, value);
                    }
                }
            }
            case Types.DATE -> {
                LocalDate value = rs.getObject(column, LocalDate.class);
                if (value != null) {
                    record.put(field, value.toString());
                }
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                LocalDateTime value = rs.getObject(column, LocalDateTime.class);
                if (value != null) {
                    record.put(field, dateTime(value));
                }
            }
            case Types.TIME -> {
                LocalTime value = rs.getObject(column, LocalTime.class);
                if (value != null) {
                    record.put(field, TIME.format(value));
                }
            }
            default -> {
                String value = rs.getString(column);
                if (value != null) {
                    record.put(field, value);
                }
            }
        }
    }

    /** The datapackage type of a column, from the database's own column type. */
    static String frictionlessType(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN, Types.TINYINT -> "boolean";
            case Types.INTEGER, Types.SMALLINT, Types.BIGINT -> "integer";
            case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> "number";
            case Types.DATE -> "date";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "datetime";
            case Types.TIME -> "time";
            default -> "string";
        };
    }

    /** Column types of a table's fields, in field order. */
    @ReadOnly
    public List<String> fieldTypes(HsdsTable table) {
        return jdbc.prepareStatement("SELECT "
                + table.fields().stream().map(f -> quoted(table.column(f))).collect(Collectors.joining(", "))
                + " FROM " + table.table() + " WHERE 1 = 0", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    types.add(frictionlessType(meta.getColumnType(i)));
                }
                return types;
            }
        });
    }

    private static String quoted(String column) {
        return "`" + column + "`";
    }
}
