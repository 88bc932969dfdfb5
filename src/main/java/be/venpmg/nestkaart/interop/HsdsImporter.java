package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.taxonomy.PublicationStatus;
import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.geo.ServiceArea;
import be.venpmg.nestkaart.geo.ServiceAreas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Imports an HSDS 3.0 tabular JSON dataset in one transaction: validate everything, then upsert every record by its
 * dataset id (so a second import of the same file changes nothing), publish the listings, and record a revision and
 * an outbox entry for each listing. Invalid input is refused whole.
 */
@Singleton
public class HsdsImporter {
    private static final Logger LOG = LoggerFactory.getLogger(HsdsImporter.class);
    private final ImportProvenance provenance;
    private static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 5_000;

    private final JdbcOperations jdbc;
    private final DatasetValidator validator;
    private final PostalCodeDirectory postalCodes;
    private final ServiceAreas serviceAreas;
    private final DatasetReader reader;
    private final java.time.Clock clock;
    private final TransactionOperations<Connection> transactions;

    HsdsImporter(JdbcOperations jdbc, DatasetValidator validator, PostalCodeDirectory postalCodes,
                 ServiceAreas serviceAreas, DatasetReader reader, java.time.Clock clock,
                 TransactionOperations<Connection> transactions, ImportProvenance provenance) {
        this.transactions = transactions;
        this.provenance = provenance;
        this.serviceAreas = serviceAreas;
        this.clock = clock;
        this.reader = reader;
        this.jdbc = jdbc;
        this.validator = validator;
        this.postalCodes = postalCodes;
    }

    /**
     * @param source a name for the dataset, kept in the revisions
     * @param actor  who imports, kept in the revisions
     * @throws ImportRejectedException when the dataset is invalid; the database is then unchanged
     */
    @Transactional
    public ImportReport importDataset(InputStream in, String source, String actor) {
        try (HsdsDataset dataset = reader.read(in)) {
            return importDataset(dataset, source, actor);
        }
    }

    /**
     * Everything an import would do (checks, repairs, writes, the count of new, changed and unchanged records), in a
     * transaction that is rolled back: nothing is written.
     */
    public ImportReport dryRun(HsdsDataset dataset, String source, String actor) {
        return transactions.executeWrite(status -> {
            ImportReport report = importDataset(dataset, source, actor);
            status.setRollbackOnly();
            return report.asDryRun();
        });
    }

    /**
     * Imports an already read dataset (tabular JSON or a data package); same guarantees as above. The dataset is read
     * from its spool table by table and written in batches, so memory holds a batch, not the dataset.
     */
    @Transactional
    ImportReport importDataset(HsdsDataset dataset, String source, String actor) {
        long started = System.nanoTime();
        DatasetValidator.Outcome checked = validator.validate(dataset, new DatasetValidator.Stored() {
            @Override
            public Set<String> existing(String table, Set<String> wanted) {
                return HsdsImporter.this.existing(table, wanted);
            }

            @Override
            public String parent(String table, String column, String id) {
                return storedParent(table, column, id);
            }
        });
        if (!checked.refusals().isEmpty()) {
            throw new ImportRejectedException(checked.refusals());
        }
        Places places = new Places(dataset);
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<String, ImportReport.Changes> changes = new LinkedHashMap<>();
        Map<String, List<String>> disappeared = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        int listings = jdbc.execute(connection -> {
            int count = 0;
            for (HsdsTable table : HsdsTables.ALL) {
                if (dataset.count(table.key()) == 0) {
                    continue;
                }
                TableWriter writer = new TableWriter(connection, table, now, source, run, actor);
                for (Predicate<ObjectNode> layer : parentsFirst(table, checked.parents(table))) {
                    dataset.forEach(table.key(), (index, record) -> {
                        if (!layer.test(record)) {
                            return;
                        }
                        ObjectNode repaired = checked.asWritten(table, index, record);
                        if (repaired != null) {
                            complete(table, index, repaired, places);
                            writer.add(repaired);
                        }
                    });
                }
                writer.finish();
                if (table.idField() != null) {
                    changes.put(table.key(), writer.changes());
                }
                if (table.isListing()) {
                    count += writer.written();
                }
                written.put(table.key(), writer.written());
            }
            for (HsdsTable table : HsdsTables.ALL) {
                if (table.isListing()) {
                    List<String> gone = provenance.disappeared(connection, source, run, table);
                    if (!gone.isEmpty()) {
                        disappeared.put(table.key(), gone);
                    }
                }
            }
            return count;
        });
        ImportReport report = new ImportReport(source, written, changes, disappeared, listings,
                dataset.skippedTables(), places.resolved, checked.repairs(), false,
                (System.nanoTime() - started) / 1_000_000);
        LOG.info("Imported {}: {} records, {} listings in {} ms", source, dataset.size(), listings, report.millis());
        return report;
    }

    /** What Nestkaart adds to a record from what it knows: places from postal codes, areas, the order of terms. */
    private void complete(HsdsTable table, int index, ObjectNode record, Places places) {
        switch (table.key()) {
            case "addresses" -> places.completeAddress(record);
            case "locations" -> places.completeLocation(record);
            case "service_areas" -> readArea(record);
            case "taxonomy_terms" -> {
                // Terms are listed in the dataset's order (module 1 before module 10) unless it gives its own.
                if (!record.hasNonNull("nestkaart_sort_order")) {
                    record.put("nestkaart_sort_order", index);
                }
            }
            default -> {
            }
        }
    }

    /**
     * Region fields of addresses, and coordinates of locations that have none, from the postal code. A location is
     * written before its address, so the addresses are read ahead, once, when the first location without coordinates
     * needs them (a dataset whose locations all have theirs is not read again).
     */
    private final class Places {
        private final HsdsDataset dataset;
        /** Location id → the postal code and city of its (physical, else first) address; read when first needed. */
        private Map<String, String[]> addressByLocation;
        private int resolved;

        Places(HsdsDataset dataset) {
            this.dataset = dataset;
        }

        private Map<String, String[]> addressByLocation() {
            if (addressByLocation == null) {
                Map<String, String[]> byLocation = new HashMap<>();
                dataset.forEach("addresses", (index, address) -> {
                    String locationId = DatasetValidator.text(address, "location_id");
                    if (locationId != null && (!byLocation.containsKey(locationId)
                            || "physical".equals(DatasetValidator.text(address, "address_type")))) {
                        byLocation.put(locationId, new String[] {DatasetValidator.text(address, "postal_code"),
                                DatasetValidator.text(address, "city")});
                    }
                });
                addressByLocation = byLocation;
            }
            return addressByLocation;
        }

        void completeAddress(ObjectNode address) {
            postalCodes.resolve(DatasetValidator.text(address, "postal_code"), DatasetValidator.text(address, "city"))
                    .ifPresent(p -> {
                        putIfAbsent(address, "nestkaart_municipality", p.municipality());
                        putIfAbsent(address, "nestkaart_province", p.province());
                        putIfAbsent(address, "nestkaart_eerstelijnszone", p.eerstelijnszone());
                    });
        }

        void completeLocation(ObjectNode location) {
            if (location.hasNonNull("latitude")) {
                // An export says where its coordinates came from; a foreign dataset brought its own.
                if (!location.hasNonNull("nestkaart_coordinates_source")) {
                    location.put("nestkaart_coordinates_source", "dataset");
                }
                return;
            }
            String[] address = addressByLocation().get(DatasetValidator.text(location, "id"));
            if (address == null) {
                return;
            }
            Optional<PostalPlace> place = postalCodes.resolve(address[0], address[1]);
            if (place.isPresent()) {
                location.put("latitude", place.get().latitude());
                location.put("longitude", place.get().longitude());
                location.put("nestkaart_coordinates_source", "postal_code");
                resolved++;
            }
        }
    }

    /**
     * Reads a service area as a region Nestkaart knows (its own URI, or a name such as "Provincie Antwerpen",
     * "Gent", "Vlaanderen", "online"); an area it cannot place is kept as 'other' and carried out as it came in.
     */
    private void readArea(ObjectNode record) {
        ServiceArea area = serviceAreas.recognise(DatasetValidator.text(record, "name"),
                DatasetValidator.text(record, "uri"));
        putIfAbsent(record, "name", area.label());
        record.put("nestkaart_scope", area.scope().wire());
        if (area.scope() == ServiceArea.Scope.OTHER) {
            record.putNull("nestkaart_code");
        } else {
            record.put("nestkaart_code", area.code());
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    /**
     * Self-referencing tables (term parents, parent organisations) need parents written before children: the records
     * are written in layers by their depth among the dataset's records (the validator refused loops), reading the
     * table once per layer. Other tables are one layer.
     */
    private static List<Predicate<ObjectNode>> parentsFirst(HsdsTable table, Map<String, String> parents) {
        if (parents.isEmpty()) {
            return List.of(record -> true);
        }
        Map<String, Integer> depths = new HashMap<>();
        int deepest = 0;
        for (String id : parents.keySet()) {
            deepest = Math.max(deepest, depth(id, parents, depths));
        }
        List<Predicate<ObjectNode>> layers = new ArrayList<>();
        for (int layer = 0; layer <= deepest; layer++) {
            int wanted = layer;
            layers.add(record -> depths.getOrDefault(DatasetValidator.text(record, table.idField()), 0) == wanted);
        }
        return layers;
    }

    /** How many of the dataset's records lie above this one; iterative, as a chain may be long. */
    private static int depth(String id, Map<String, String> parents, Map<String, Integer> depths) {
        List<String> chain = new ArrayList<>();
        String current = id;
        while (current != null && !depths.containsKey(current) && parents.containsKey(current)) {
            chain.add(current);
            current = parents.get(current);
        }
        int depth = current != null && depths.containsKey(current) ? depths.get(current) + 1 : 0;
        for (int i = chain.size() - 1; i >= 0; i--) {
            depths.put(chain.get(i), depth++);
        }
        return depths.get(id);
    }

    /**
     * Writes one table in batches: per batch, what the stored records held before and after (a digest of their
     * imported columns: the database's own comparison tells new, changed and unchanged apart), the revisions and
     * outbox entries of listings, and the provenance of the records.
     */
    private final class TableWriter {
        private final Connection connection;
        private final HsdsTable table;
        private final Timestamp now;
        private final String source;
        private final String run;
        private final String actor;
        private final List<ObjectNode> batch = new ArrayList<>(BATCH);
        private final Map<String, String> before = new HashMap<>();
        private final Map<String, String> after = new HashMap<>();
        /** A table empty before the import has no digests to compare: every record is new. */
        private final boolean wasEmpty;
        private final String fullBatchUpsert;
        private ImportReport.Changes changes = new ImportReport.Changes(0, 0, 0);
        private int written;

        TableWriter(Connection connection, HsdsTable table, Timestamp now, String source, String run, String actor)
                throws SQLException {
            this.connection = connection;
            this.table = table;
            this.now = now;
            this.source = source;
            this.run = run;
            this.actor = actor;
            this.wasEmpty = isEmpty(connection, table);
            this.fullBatchUpsert = upsertSql(table, BATCH);
        }

        void add(ObjectNode record) {
            batch.add(record);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void finish() {
            flush();
        }

        int written() {
            return written;
        }

        ImportReport.Changes changes() {
            return changes;
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                if (wasEmpty) {
                    before.clear();
                } else {
                    fingerprints(before);
                }
                try (PreparedStatement upsert = connection.prepareStatement(
                        batch.size() == BATCH ? fullBatchUpsert : upsertSql(table, batch.size()))) {
                    int parameter = 1;
                    for (ObjectNode record : batch) {
                        for (String field : table.fields()) {
                            bind(upsert, parameter++, record.get(field));
                        }
                        if (table.isListing()) {
                            upsert.setTimestamp(parameter++, now);
                            upsert.setTimestamp(parameter++, now);
                        }
                    }
                    upsert.executeUpdate();
                }
                // A batch of new records is all new: only where some existed must their digests be compared.
                if (before.isEmpty()) {
                    changes = changes.plus(new ImportReport.Changes(batch.size(), 0, 0));
                } else {
                    fingerprints(after);
                    changes = changes.plus(ImportReport.Changes.between(before, after));
                }
                if (table.isListing()) {
                    audit(connection, table, batch, source, actor, now);
                    provenance.remember(connection, source, run, table, batch);
                }
            } catch (SQLException e) {
                throw new DataAccessException("the import could not write " + table.key() + ": " + e.getMessage(), e);
            }
            if (written / PROGRESS_EVERY != (written + batch.size()) / PROGRESS_EVERY) {
                LOG.info("  {}: {}", table.key(), written + batch.size());
            }
            written += batch.size();
            batch.clear();
        }

        /** The digest of each stored record of the batch, as it is now. */
        private void fingerprints(Map<String, String> digests) throws SQLException {
            digests.clear();
            if (table.idField() == null) {
                return;
            }
            String columns = table.fields().stream().map(f -> "`" + table.column(f) + "`")
                    .collect(Collectors.joining(", "));
            String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, MD5(JSON_ARRAY(" + columns
                    + ")) FROM " + table.table() + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    statement.setString(i + 1, batch.get(i).get(table.idField()).asText());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        digests.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
    }

    /**
     * One statement for the whole batch, a row of values per record: MariaDB parses it once (three times faster than
     * a JDBC batch of single-row statements, which Connector/J sends one by one for an upsert).
     */
    private static boolean isEmpty(Connection connection, HsdsTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM "
                + table.table() + ")");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String upsertSql(HsdsTable table, int rows) {
        List<String> columns = new ArrayList<>(table.fields().stream().map(table::column).toList());
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        String updates = columns.stream().map(c -> "`" + c + "` = VALUES(`" + c + "`)")
                .collect(Collectors.joining(", "));
        String insertColumns = columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        if (table.isListing()) {
            // Importing publishes: the dataset is taken as curated by its source. A listing's times come from the
            // application's clock (modified_after compares them), and updated_at moves only when the row changes;
            // it is assigned first, while the row still holds its old values.
            String published = "'" + PublicationStatus.PUBLISHED.code() + "'";
            String unchanged = "JSON_ARRAY(" + columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))
                    + ") <=> JSON_ARRAY(" + columns.stream().map(c -> "VALUES(`" + c + "`)")
                    .collect(Collectors.joining(", ")) + ") AND publication_status = " + published;
            insertColumns += ", publication_status, created_at, updated_at";
            placeholders += ", " + published + ", ?, ?";
            updates = "updated_at = IF(" + unchanged + ", updated_at, VALUES(updated_at)), " + updates
                    + ", publication_status = " + published;
        }
        return "INSERT INTO " + table.table() + " (" + insertColumns + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, "(" + placeholders + ")"))
                + " ON DUPLICATE KEY UPDATE " + updates;
    }

    private static void audit(Connection connection, HsdsTable table, List<ObjectNode> records, String source,
                              String actor, Timestamp now) throws SQLException {
        // The application's clock, as every other revision: tests and replays move it, the database's own time does not.
        try (PreparedStatement revision = connection.prepareStatement("INSERT INTO revision (entity_type, entity_id, "
                + "action, actor, reason, changes, created_at) VALUES (?, ?, 'import', ?, ?, ?, ?)");
             PreparedStatement outbox = connection.prepareStatement(
                     "INSERT INTO outbox (entity_type, entity_id, operation) VALUES (?, ?, 'upsert')")) {
            for (ObjectNode record : records) {
                String id = record.get("id").asText();
                revision.setString(1, table.listing());
                revision.setString(2, id);
                revision.setString(3, actor);
                revision.setString(4, "import of " + source);
                revision.setString(5, record.toString());
                revision.setTimestamp(6, now);
                revision.addBatch();
                outbox.setString(1, table.listing());
                outbox.setString(2, id);
                outbox.addBatch();
            }
            revision.executeBatch();
            outbox.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(index, Types.NULL);
        } else if (value.isBoolean()) {
            statement.setBoolean(index, value.booleanValue());
        } else if (value.isIntegralNumber()) {
            statement.setLong(index, value.longValue());
        } else if (value.isNumber()) {
            statement.setBigDecimal(index, value.decimalValue());
        } else if (value.isTextual()) {
            statement.setObject(index, dateTimeOrText(value.textValue()));
        } else {
            statement.setString(index, value.toString());
        }
    }

    /** HSDS date-times carry an offset, which MariaDB DATETIME does not take: store them as UTC. */
    private static Object dateTimeOrText(String text) {
        if (text.length() >= 20 && text.charAt(10) == 'T') {
            try {
                return Timestamp.valueOf(OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
            } catch (DateTimeParseException notADateTime) {
                return text;
            }
        }
        return text;
    }

    private String storedParent(String table, String column, String id) {
        return jdbc.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?", s -> {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private Set<String> existing(String table, Set<String> wanted) {
        return jdbc.execute(connection -> {
            Set<String> found = new HashSet<>();
            List<String> all = new ArrayList<>(wanted);
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id FROM " + table + " WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
    }
}
