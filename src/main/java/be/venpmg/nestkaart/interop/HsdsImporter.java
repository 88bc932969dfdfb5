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

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
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

    /** Whether the database holds no organisation and no service yet (a fresh installation). */
    @ReadOnly
    public boolean nothingImported() {
        return jdbc.prepareStatement("SELECT (SELECT COUNT(*) FROM organization) + (SELECT COUNT(*) FROM service)", s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /**
     * @param source a name for the dataset, kept in the revisions
     * @param actor  who imports, kept in the revisions
     * @throws ImportRejectedException when the dataset is invalid; the database is then unchanged
     */
    @Transactional
    public ImportReport importDataset(InputStream in, String source, String actor) {
        return importDataset(reader.read(in), source, actor);
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

    /** Imports an already parsed dataset (tabular JSON or a data package); same guarantees as above. */
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
        int resolved = resolvePlaces(dataset);
        readAreas(dataset);
        keepTermOrder(dataset);
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<String, ImportReport.Changes> changes = new LinkedHashMap<>();
        Map<String, List<String>> disappeared = new LinkedHashMap<>();
        String run = UUID.randomUUID().toString();
        int listings = jdbc.execute(connection -> {
            int count = 0;
            for (HsdsTable table : HsdsTables.ALL) {
                List<ObjectNode> records = dependencyOrder(table, dataset.records(table.key()));
                if (records.isEmpty()) {
                    continue;
                }
                Map<String, String> before = fingerprints(connection, table, records);
                write(connection, table, records, Timestamp.from(clock.instant()));
                if (table.idField() != null) {
                    changes.put(table.key(), ImportReport.Changes.between(before,
                            fingerprints(connection, table, records)));
                }
                if (table.isListing()) {
                    audit(connection, table, records, source, actor);
                    count += records.size();
                }
                written.put(table.key(), records.size());
            }
            for (HsdsTable table : HsdsTables.ALL) {
                if (table.isListing()) {
                    List<String> gone = provenance.remember(connection, source, run, table,
                            dataset.records(table.key()));
                    if (!gone.isEmpty()) {
                        disappeared.put(table.key(), gone);
                    }
                }
            }
            return count;
        });
        ImportReport report = new ImportReport(source, written, changes, disappeared, listings,
                dataset.skippedTables(), resolved, checked.repairs(), false, (System.nanoTime() - started) / 1_000_000);
        LOG.info("Imported {}: {} records, {} listings in {} ms", source, dataset.size(), listings, report.millis());
        return report;
    }

    /** Fills region fields of addresses, and coordinates of locations that have none, from the postal code. */
    private int resolvePlaces(HsdsDataset dataset) {
        Map<String, ObjectNode> addressByLocation = new HashMap<>();
        for (ObjectNode address : dataset.records("addresses")) {
            String postalCode = DatasetValidator.text(address, "postal_code");
            Optional<PostalPlace> place = postalCodes.resolve(postalCode, DatasetValidator.text(address, "city"));
            place.ifPresent(p -> {
                putIfAbsent(address, "nestkaart_municipality", p.municipality());
                putIfAbsent(address, "nestkaart_province", p.province());
                putIfAbsent(address, "nestkaart_eerstelijnszone", p.eerstelijnszone());
            });
            String locationId = DatasetValidator.text(address, "location_id");
            if (locationId != null && (!addressByLocation.containsKey(locationId)
                    || "physical".equals(DatasetValidator.text(address, "address_type")))) {
                addressByLocation.put(locationId, address);
            }
        }
        int resolved = 0;
        for (ObjectNode location : dataset.records("locations")) {
            if (location.hasNonNull("latitude")) {
                // An export says where its coordinates came from; a foreign dataset brought its own.
                if (!location.hasNonNull("nestkaart_coordinates_source")) {
                    location.put("nestkaart_coordinates_source", "dataset");
                }
                continue;
            }
            ObjectNode address = addressByLocation.get(DatasetValidator.text(location, "id"));
            if (address == null) {
                continue;
            }
            Optional<PostalPlace> place = postalCodes.resolve(DatasetValidator.text(address, "postal_code"),
                    DatasetValidator.text(address, "city"));
            if (place.isPresent()) {
                location.put("latitude", place.get().latitude());
                location.put("longitude", place.get().longitude());
                location.put("nestkaart_coordinates_source", "postal_code");
                resolved++;
            }
        }
        return resolved;
    }

    /**
     * Reads each service area as a region Nestkaart knows (its own URI, or a name such as "Provincie Antwerpen",
     * "Gent", "Vlaanderen", "online"); an area it cannot place is kept as 'other' and carried out as it came in.
     */
    private void readAreas(HsdsDataset dataset) {
        for (ObjectNode record : dataset.records("service_areas")) {
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
    }

    /** Terms are listed in the dataset's order (module 1 before module 10) unless it gives its own. */
    private static void keepTermOrder(HsdsDataset dataset) {
        List<ObjectNode> terms = dataset.records("taxonomy_terms");
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).hasNonNull("nestkaart_sort_order")) {
                terms.get(i).put("nestkaart_sort_order", i);
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    /** Self-referencing tables (term parents, parent organisations) need parents written before children. */
    private static List<ObjectNode> dependencyOrder(HsdsTable table, List<ObjectNode> records) {
        String selfReference = table.references().entrySet().stream()
                .filter(e -> e.getValue().equals(table.key())).map(Map.Entry::getKey).findFirst().orElse(null);
        if (selfReference == null) {
            return records;
        }
        Map<String, ObjectNode> byId = records.stream()
                .collect(Collectors.toMap(r -> r.get("id").asText(), r -> r, (a, b) -> a, LinkedHashMap::new));
        List<ObjectNode> ordered = new ArrayList<>(records.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (ObjectNode record : records) {
            place(record, selfReference, byId, placed, ordered, 0);
        }
        return ordered;
    }

    private static void place(ObjectNode record, String parentField, Map<String, ObjectNode> byId,
                              java.util.Set<String> placed, List<ObjectNode> ordered, int depth) {
        String id = record.get("id").asText();
        if (placed.contains(id) || depth > byId.size()) {
            return;
        }
        ObjectNode parent = byId.get(DatasetValidator.text(record, parentField));
        if (parent != null) {
            place(parent, parentField, byId, placed, ordered, depth + 1);
        }
        if (placed.add(id)) {
            ordered.add(record);
        }
    }

    /**
     * What each stored record of {@code records} holds now, as a digest of its imported columns: compared before and
     * after the write, it tells new, changed and unchanged records apart by the database's own comparison of values.
     */
    private static Map<String, String> fingerprints(Connection connection, HsdsTable table, List<ObjectNode> records)
            throws SQLException {
        Map<String, String> digests = new HashMap<>();
        if (table.idField() == null) {
            return digests;
        }
        String columns = table.fields().stream().map(f -> "`" + table.column(f) + "`").collect(Collectors.joining(", "));
        for (int from = 0; from < records.size(); from += BATCH) {
            List<ObjectNode> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, MD5(JSON_ARRAY(" + columns
                    + ")) FROM " + table.table() + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i).get(table.idField()).asText());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        digests.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return digests;
    }

    private static void write(Connection connection, HsdsTable table, List<ObjectNode> records, Timestamp now)
            throws SQLException {
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
        String sql = "INSERT INTO " + table.table() + " (" + insertColumns + ") VALUES (" + placeholders
                + ") ON DUPLICATE KEY UPDATE " + updates;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int done = 0;
            for (ObjectNode record : records) {
                for (int i = 0; i < table.fields().size(); i++) {
                    bind(statement, i + 1, record.get(table.fields().get(i)));
                }
                if (table.isListing()) {
                    statement.setTimestamp(table.fields().size() + 1, now);
                    statement.setTimestamp(table.fields().size() + 2, now);
                }
                statement.addBatch();
                if (++done % BATCH == 0) {
                    statement.executeBatch();
                }
                if (done % PROGRESS_EVERY == 0) {
                    LOG.info("  {}: {}/{}", table.key(), done, records.size());
                }
            }
            statement.executeBatch();
        }
    }

    private void audit(Connection connection, HsdsTable table, List<ObjectNode> records, String source,
                       String actor) throws SQLException {
        // The application's clock, as every other revision: tests and replays move it, the database's own time does not.
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement revision = connection.prepareStatement("INSERT INTO revision (entity_type, entity_id, "
                + "action, actor, reason, changes, created_at) VALUES (?, ?, 'import', ?, ?, ?, ?)");
             PreparedStatement outbox = connection.prepareStatement(
                     "INSERT INTO outbox (entity_type, entity_id, operation) VALUES (?, ?, 'upsert')")) {
            int done = 0;
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
                if (++done % BATCH == 0) {
                    revision.executeBatch();
                    outbox.executeBatch();
                }
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
