package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The import reads a dataset from temporary files table by table and writes it in batches of several hundred
 * records: the order of tables and records in the file must not matter, parents must reach the database before their
 * children, the counts of new, changed and unchanged records must hold across batches, and the temporary files must
 * be gone afterwards, whether the dataset was imported or refused.
 */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "nestkaart.seed.enabled", value = "false")
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingImportTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More services than one batch holds, so every table is written in several. */
    private static final int SERVICES = 1_300;

    @Inject
    HsdsImporter importer;
    @Inject
    Database database;

    private final ObjectNode dataset = generated();

    @Test
    @Order(1)
    void importsTablesInAnyOrderWithChildrenListedBeforeTheirParents() throws Exception {
        ObjectNode shuffled = JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        dataset.fieldNames().forEachRemaining(keys::add);
        // Attributes and services come before the organisations and terms they refer to.
        for (int i = keys.size() - 1; i >= 0; i--) {
            JsonNode table = dataset.get(keys.get(i));
            shuffled.set(keys.get(i), table.isArray() ? reversed((ArrayNode) table) : table);
        }
        // A chain of four organisations, each listed before its parent (children first after reversal).
        ArrayNode organizations = (ArrayNode) shuffled.get("organizations");
        for (int i = 0; i < 3; i++) {
            ((ObjectNode) organizations.get(i)).put("parent_organization_id", organizations.get(i + 1).get("id").asText());
        }
        Set<Path> spooled = temporaryFiles();

        ImportReport report = importer.importDataset(bytes(shuffled), "generated.json", "test");

        for (Map.Entry<String, JsonNode> table : iterable(dataset.fields())) {
            if (table.getValue().isArray()) {
                assertEquals(table.getValue().size(), report.count(table.getKey()), table.getKey());
            }
        }
        assertEquals(new ImportReport.Changes(SERVICES, 0, 0), report.changes().get("services"));
        assertEquals(SERVICES, count("SELECT COUNT(*) FROM service"));
        assertEquals(3, count("SELECT COUNT(*) FROM organization WHERE parent_organization_id IS NOT NULL"));
        assertEquals(dataset.get("attributes").size(), count("SELECT COUNT(*) FROM attribute"));
        assertEquals(spooled, temporaryFiles(), "the temporary files are deleted");
    }

    @Test
    @Order(2)
    void countsTheChangedRecordsOfEveryBatch() throws Exception {
        ObjectNode changed = dataset.deepCopy();
        ArrayNode services = (ArrayNode) changed.get("services");
        for (int index : List.of(3, 700, SERVICES - 1)) {
            ((ObjectNode) services.get(index)).put("name", "Een nieuwe naam " + index);
        }

        ImportReport report = importer.importDataset(bytes(changed), "generated.json", "test");

        assertEquals(new ImportReport.Changes(0, 3, SERVICES - 3), report.changes().get("services"));
        assertEquals(new ImportReport.Changes(0, 0, dataset.get("attributes").size()),
                report.changes().get("attributes"));
        assertEquals(3, count("SELECT COUNT(*) FROM service WHERE name LIKE 'Een nieuwe naam %'"));
    }

    @Test
    @Order(3)
    void aRefusalFoundInTheLastTableChangesNothingAndLeavesNoFiles() throws Exception {
        ObjectNode broken = dataset.deepCopy();
        ArrayNode services = (ArrayNode) broken.get("services");
        ((ObjectNode) services.get(0)).put("name", "Mag de databank niet bereiken");
        ArrayNode attributes = (ArrayNode) broken.get("attributes");
        ((ObjectNode) attributes.get(attributes.size() - 1)).put("id", attributes.get(0).get("id").asText());
        Set<Path> spooled = temporaryFiles();

        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(broken), "generated.json", "test"));

        assertEquals("duplicate id in this table", refused.problems().get(0).message());
        assertEquals(attributes.size() - 1, refused.problems().get(0).index());
        assertEquals(0, count("SELECT COUNT(*) FROM service WHERE name = 'Mag de databank niet bereiken'"));
        assertEquals(spooled, temporaryFiles());
    }

    @Test
    @Order(4)
    void anIdLongerThanTheIdIndexTakesIsRefusedNotACrash() throws Exception {
        ObjectNode dataset = JSON.createObjectNode();
        String huge = "x".repeat(40_000);
        dataset.putArray("organizations").addObject().put("id", huge).put("name", "Te lang").put("description", "-");
        dataset.putArray("services").addObject().put("id", "0c1f6c1e-7d43-4c55-9a3e-1a2b3c4d5e70")
                .put("organization_id", huge).put("name", "Aanbod").put("status", "active").put("description", "-");

        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(dataset), "huge-id.json", "test"));

        assertEquals("organizations", refused.problems().get(0).table());
        assertEquals("id", refused.problems().get(0).field());
    }

    private static ObjectNode generated() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DatasetGenerator(SERVICES, 7).write(out);
            return (ObjectNode) JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode reversed(ArrayNode records) {
        ArrayNode reversed = JSON.createArrayNode();
        for (int i = records.size() - 1; i >= 0; i--) {
            reversed.add(records.get(i));
        }
        return reversed;
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    private static ByteArrayInputStream bytes(ObjectNode dataset) throws IOException {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(dataset));
    }

    private static Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("nestkaart-import-"))
                    .collect(Collectors.toSet());
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
