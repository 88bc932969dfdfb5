package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TableSnapshot;
import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HSDS importer against the real MariaDB: the evaluation corpus, idempotence, and refusals that change nothing. */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "nestkaart.seed.enabled", value = "false")
// The indexer would drain the outbox while the tests compare table snapshots.
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsImportTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HsdsImporter importer;
    @Inject
    Database database;
    @Inject
    PostalCodeDirectory postalCodes;
    @Inject
    HsdsExporter exporter;
    @Inject
    DatasetReader reader;

    private ObjectNode corpus;
    private ImportReport first;

    @BeforeAll
    void importCorpus() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/eval/corpus.json")) {
            corpus = (ObjectNode) JSON.readTree(in);
        }
        first = importer.importDataset(bytes(corpus), "corpus.json", "test");
    }

    @Test
    void importsEveryOrganizationAndServiceWithTheDatasetIds() throws SQLException {
        assertEquals(234, first.count("organizations"));
        assertEquals(363, first.count("services"));
        assertEquals(idsOf("organizations"), idsInDatabase("SELECT id FROM organization"));
        assertEquals(idsOf("services"), idsInDatabase("SELECT id FROM service WHERE publication_status = 'published'"));
        assertEquals(corpus.withArray("attributes").size(),
                count("SELECT COUNT(*) FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id"));
    }

    @Test
    void keepsTheCoordinatesOfTheDataset() throws SQLException {
        ObjectNode location = (ObjectNode) corpus.withArray("locations").get(17);
        try (Connection connection = database.open();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT latitude, longitude, coordinates_source FROM location WHERE id = ?")) {
            statement.setString(1, location.get("id").asText());
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(location.get("latitude").asDouble(), rs.getDouble(1), 1e-6);
                assertEquals(location.get("longitude").asDouble(), rs.getDouble(2), 1e-6);
                assertEquals("dataset", rs.getString(3));
            }
        }
        assertEquals(0, count("SELECT COUNT(*) FROM location WHERE latitude IS NULL"));
    }

    /** Red-team finding: a javascript: website was imported and linked on the page. */
    @Test
    void refusesLinksThatAreNotWebAddresses() {
        ObjectNode dataset = copy(corpus);
        ((ObjectNode) dataset.withArray("organizations").get(0)).put("website", "javascript:alert(document.cookie)");
        ((ObjectNode) dataset.withArray("services").get(0)).put("url", "data:text/html,<script>alert(1)</script>");
        ImportRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(dataset), "hostile-links.json", "test"));
        List<String> fields = refused.problems().stream().map(p -> p.table() + "." + p.field()).toList();
        assertTrue(fields.contains("organizations.website") && fields.contains("services.url"), fields.toString());
    }

    /** The profile types the nestkaart_ fields: a waiting time in words or an unknown route is refused by name. */
    @Test
    void refusesProfileFieldsOfTheWrongTypeOrValue() {
        ObjectNode dataset = copy(corpus);
        ((ObjectNode) dataset.withArray("services").get(0)).put("nestkaart_waiting_weeks", "drie");
        ((ObjectNode) dataset.withArray("services").get(1)).put("nestkaart_referral_route", "via de buurvrouw");
        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(dataset), "mistyped.json", "test"));
        List<String> fields = refused.problems().stream().map(p -> p.table() + "." + p.field()).toList();
        assertEquals(List.of("services.nestkaart_waiting_weeks", "services.nestkaart_referral_route"), fields);
    }

    /** Red-team finding: NUL bytes, direction overrides and lone surrogates were imported. */
    @Test
    void refusesControlCharactersAndDirectionOverrides() {
        ObjectNode dataset = copy(corpus);
        ((ObjectNode) dataset.withArray("organizations").get(0)).put("name", "\u202eknilcnuf");
        ((ObjectNode) dataset.withArray("services").get(0)).put("description", "zorg\u0000na");
        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(dataset), "hostile-text.json", "test"));
        List<String> fields = refused.problems().stream().map(p -> p.table() + "." + p.field()).toList();
        assertTrue(fields.contains("organizations.name") && fields.contains("services.description"), fields.toString());
    }

    @Test
    void resolvesRegionsAndMissingCoordinatesFromThePostalCode() throws SQLException {
        ObjectNode dataset = copy(corpus);
        ObjectNode location = (ObjectNode) dataset.withArray("locations").get(0);
        location.remove("latitude");
        location.remove("longitude");
        ObjectNode address = (ObjectNode) dataset.withArray("addresses").get(0);
        assertEquals(location.get("id"), address.get("location_id"));
        PostalPlace place = postalCodes.resolve(address.get("postal_code").asText(), address.get("city").asText())
                .orElseThrow();
        importer.importDataset(bytes(dataset), "without-coordinates.json", "test");
        try (Connection connection = database.open();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT l.coordinates_source, l.latitude, l.longitude, a.municipality, a.province
                     FROM location l JOIN address a ON a.location_id = l.id WHERE l.id = ?""")) {
            statement.setString(1, location.get("id").asText());
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("postal_code", rs.getString(1));
                assertEquals(place.latitude(), rs.getDouble(2), 1e-5);
                assertEquals(place.longitude(), rs.getDouble(3), 1e-5);
                assertEquals(place.municipality(), rs.getString(4));
                assertEquals(place.province(), rs.getString(5));
            }
        } finally {
            importer.importDataset(bytes(corpus), "corpus.json", "test"); // restore the dataset's own coordinates
        }
    }

    @Test
    void readsServiceAreasAsRegionsKeepsWhatItCannotPlaceAndExportsThemAgain() throws Exception {
        ObjectNode dataset = copy(corpus);
        String service = dataset.withArray("services").get(3).get("id").asText();
        ArrayNode areas = dataset.putArray("service_areas");
        areas.addObject().put("id", "5b1c3a57-1d0e-4a5e-9a43-0d7f7c1a0001").put("service_id", service)
                .put("name", "Provincie Antwerpen");
        areas.addObject().put("id", "5b1c3a57-1d0e-4a5e-9a43-0d7f7c1a0002").put("service_id", service)
                .put("name", "The MyCity area").put("extent", "{\"type\": \"Point\", \"coordinates\": [4.4, 51.2]}")
                .put("extent_type", "geojson");
        areas.addObject().put("id", "5b1c3a57-1d0e-4a5e-9a43-0d7f7c1a0003").put("service_id", service)
                .put("name", "ELZ").put("uri", "urn:nestkaart:werkgebied:eerstelijnszone=Regio_Aalst");
        try {
            importer.importDataset(bytes(dataset), "with-areas.json", "test");
            assertEquals(Set.of("province=Antwerpen", "other=The MyCity area", "eerstelijnszone=Regio Aalst"),
                    idsInDatabase("SELECT IF(code IS NULL, CONCAT(scope, '=', name), CONCAT(scope, '=', code)) "
                            + "FROM service_area WHERE service_id = '" + service + "'"));
            List<ObjectNode> exported = exporter.tables().get("service_areas");
            ObjectNode mycity = exported.stream().filter(a -> a.get("name").asText().equals("The MyCity area"))
                    .findFirst().orElseThrow();
            assertEquals("geojson", mycity.get("extent_type").asText(), "what Nestkaart cannot place goes out as it came");
            assertTrue(mycity.get("extent").asText().contains("4.4"));
            assertEquals(3, exported.stream().filter(a -> a.get("service_id").asText().equals(service)).count());
        } finally {
            try (Connection connection = database.open(); var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM service_area");
            }
        }
    }

    @Test
    void reimportingTheSameFileChangesNoListing() throws SQLException {
        TableSnapshot before = snapshot();
        ImportReport again = importer.importDataset(bytes(corpus), "corpus.json", "test");
        TableSnapshot after = snapshot();
        assertEquals(first.records(), again.records());
        for (String table : before.tables().keySet()) {
            if (!Set.of("revision", "outbox", "import_record").contains(table)) {
                assertEquals(before.tables().get(table), after.tables().get(table), table);
            }
        }
        // The import itself is audited and queued for the index.
        assertEquals(before.rows("revision") + again.listings(), after.rows("revision"));
        assertEquals(before.rows("outbox") + again.listings(), after.rows("outbox"));
    }

    @Test
    void aNewerVersionOfADatasetReportsTheListingsItNoLongerHasAndKeepsThem() throws Exception {
        String organization = "0c1f6c1e-7d43-4c55-9a3e-1a2b3c4d5e60";
        String kept = "0c1f6c1e-7d43-4c55-9a3e-1a2b3c4d5e61";
        String dropped = "0c1f6c1e-7d43-4c55-9a3e-1a2b3c4d5e62";
        ObjectNode version1 = feed(organization, kept, dropped);
        ImportReport first = importer.importDataset(bytes(version1), "feed-kievit", "test");
        assertEquals(Map.of(), first.disappeared(), "a first import has nothing to compare with");

        ObjectNode version2 = feed(organization, kept);
        ImportReport dry = importer.dryRun(reader.read(bytes(version2)), "feed-kievit", "test");
        assertEquals(Map.of("services", List.of(dropped)), dry.disappeared(), "the dry run says it too");
        ImportReport second = importer.importDataset(bytes(version2), "feed-kievit", "test");
        assertEquals(Map.of("services", List.of(dropped)), second.disappeared());
        assertEquals(1, count("SELECT COUNT(*) FROM service WHERE id = '" + dropped + "' AND publication_status = 'published'"),
                "kept and still published: editors decide");
        assertEquals(Map.of("services", List.of(dropped)),
                importer.importDataset(bytes(version2), "feed-kievit", "test").disappeared(), "reported until it is back");
        assertEquals(Map.of(), importer.importDataset(bytes(version1), "feed-kievit", "test").disappeared());
        assertEquals(Map.of(), importer.importDataset(bytes(version2), "another-feed", "test").disappeared(),
                "another source is another dataset");
    }

    private static ObjectNode feed(String organization, String... services) {
        ObjectNode dataset = JSON.createObjectNode();
        dataset.putArray("organizations").addObject().put("id", organization).put("name", "Vroedvrouwen Kievit")
                .put("description", "Praktijk");
        for (String service : services) {
            dataset.withArray("services").addObject().put("id", service).put("organization_id", organization)
                    .put("name", "Aanbod " + service.substring(service.length() - 2)).put("status", "active")
                    .put("description", "Begeleiding na de bevalling");
        }
        return dataset;
    }

    @Test
    void refusesABrokenReferenceAndChangesNothing() throws SQLException {
        ImportRejectedException refused = refusedWithoutChange(dataset -> {
            ObjectNode service = (ObjectNode) dataset.withArray("services").get(5);
            service.put("organization_id", "00000000-0000-4000-8000-000000000001");
            service.put("name", "A name that must not reach the database");
        });
        ImportProblem problem = refused.problems().get(0);
        assertEquals("services", problem.table());
        assertEquals(5, problem.index());
        assertEquals("organization_id", problem.field());
        assertTrue(problem.toString().contains(corpus.withArray("services").get(5).get("id").asText()));
    }

    @Test
    void refusesAMissingRequiredField() throws SQLException {
        ImportProblem problem = refusedWithoutChange(dataset ->
                ((ObjectNode) dataset.withArray("services").get(3)).remove("name")).problems().get(0);
        assertEquals("services", problem.table());
        assertEquals("name", problem.field());
    }

    @Test
    void refusesADuplicateId() throws SQLException {
        ImportProblem problem = refusedWithoutChange(dataset -> {
            ArrayNode organizations = dataset.withArray("organizations");
            organizations.add(((ObjectNode) organizations.get(0).deepCopy()).put("name", "Dubbel"));
        }).problems().get(0);
        assertEquals("organizations", problem.table());
        assertEquals("id", problem.field());
        assertTrue(problem.message().contains("duplicate"));
    }

    @Test
    void dropsCoordinatesOutsideTheServiceAreaAndSaysSo() throws SQLException {
        ObjectNode dataset = copy(corpus);
        ObjectNode location = (ObjectNode) dataset.withArray("locations").get(2);
        location.put("latitude", 95.0);
        ImportReport report = importer.importDataset(bytes(dataset), "swapped.json", "test");
        ImportProblem repair = report.repairs().stream().filter(r -> "locations".equals(r.table())).findFirst()
                .orElseThrow(() -> new AssertionError(report.repairs().toString()));
        assertEquals("latitude", repair.field());
        assertTrue(repair.message().contains("outside the service area"), repair.message());
        try (Connection connection = database.open()) {
            String latitude = Sql.scalar(connection, "SELECT latitude FROM location WHERE id = '"
                    + location.get("id").asText() + "'");
            assertTrue(latitude == null || Math.abs(Double.parseDouble(latitude)) < 90,
                    "no pin at latitude 95: " + latitude);
        } finally {
            importer.importDataset(bytes(corpus), "corpus.json", "test");
        }
    }

    @Test
    void refusesAnIdThatIsNoUuid() throws SQLException {
        ImportProblem problem = refusedWithoutChange(dataset ->
                ((ObjectNode) dataset.withArray("phones").get(0)).put("id", "phone-1")).problems().get(0);
        assertEquals("phones", problem.table());
        assertEquals("id", problem.field());
    }

    /** Issue 20: maximum_age 0.5 (babies up to six months) was stored and exported as 1. */
    @Test
    void fractionalAgesAreKeptExactly() throws Exception {
        ObjectNode dataset = copy(corpus);
        ObjectNode service = (ObjectNode) dataset.withArray("services").get(0);
        service.put("minimum_age", 0).put("maximum_age", 0.5);
        try {
            importer.importDataset(bytes(dataset), "ages.json", "test");
            ObjectNode exported = exporter.tables().get("services").stream()
                    .filter(s -> s.get("id").equals(service.get("id"))).findFirst().orElseThrow();
            assertEquals("0.5", exported.get("maximum_age").toString());
            assertEquals("0", exported.get("minimum_age").toString(), "a whole number stays whole");
        } finally {
            importer.importDataset(bytes(corpus), "corpus.json", "test");
        }
    }

    @Test
    void refusesATermThatIsItsOwnParentOrAncestor() throws SQLException {
        ImportProblem own = refusedWithoutChange(dataset -> {
            ObjectNode term = (ObjectNode) dataset.withArray("taxonomy_terms").get(0);
            term.put("parent_id", term.get("id").asText());
        }).problems().get(0);
        assertEquals("parent_id", own.field());
        assertEquals("is its own parent", own.message());

        ImportRejectedException loop = refusedWithoutChange(dataset -> {
            ArrayNode terms = dataset.withArray("taxonomy_terms");
            ((ObjectNode) terms.get(1)).put("parent_id", terms.get(2).get("id").asText());
            ((ObjectNode) terms.get(2)).put("parent_id", terms.get(1).get("id").asText());
        });
        assertEquals(2, loop.problems().size(), loop.problems().toString());
        assertTrue(loop.problems().get(0).message().startsWith("its parents form a loop"), loop.problems().toString());
    }

    @Test
    void refusesALoopThroughTermsStoredEarlier() throws SQLException {
        ArrayNode terms = corpus.withArray("taxonomy_terms");
        ObjectNode child = ((ObjectNode) terms.get(4).deepCopy()).put("parent_id", terms.get(3).get("id").asText());
        importer.importDataset(bytes(onlyTerms(child)), "child.json", "test");
        try {
            ObjectNode parent = ((ObjectNode) terms.get(3).deepCopy()).put("parent_id", child.get("id").asText());
            ObjectNode dataset = onlyTerms(parent);
            TableSnapshot before = snapshot();
            ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                    () -> importer.importDataset(bytes(dataset), "loop.json", "test"));
            assertTrue(refused.problems().get(0).message().contains(child.get("id").asText()), refused.problems().toString());
            assertEquals(before, snapshot());
        } finally {
            importer.importDataset(bytes(onlyTerms((ObjectNode) terms.get(4))), "restore.json", "test");
        }
    }

    private static ObjectNode onlyTerms(ObjectNode term) {
        ObjectNode dataset = JSON.createObjectNode();
        dataset.putArray("taxonomy_terms").add(term);
        return dataset;
    }

    @Test
    void refusesMalformedJsonNamingTheLine() throws SQLException {
        TableSnapshot before = snapshot();
        ImportRejectedException refused = assertThrows(ImportRejectedException.class, () -> importer.importDataset(
                new ByteArrayInputStream("{\n \"services\": [\n {\"id\": }\n]}".getBytes(StandardCharsets.UTF_8)),
                "broken.json", "test"));
        assertTrue(refused.problems().get(0).message().contains("line 3"), refused.problems().toString());
        assertEquals(before, snapshot());
    }

    private ImportRejectedException refusedWithoutChange(Consumer<ObjectNode> corruption) throws SQLException {
        ObjectNode dataset = copy(corpus);
        corruption.accept(dataset);
        TableSnapshot before = snapshot();
        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(bytes(dataset), "corrupt.json", "test"));
        assertEquals(before, snapshot(), "a refused import must leave every table as it was");
        return refused;
    }

    private TableSnapshot snapshot() throws SQLException {
        try (Connection connection = database.open()) {
            return TableSnapshot.of(connection);
        }
    }

    private Set<String> idsOf(String table) {
        Set<String> ids = new HashSet<>();
        corpus.withArray(table).forEach(record -> ids.add(record.get("id").asText()));
        return ids;
    }

    private Set<String> idsInDatabase(String sql) throws SQLException {
        try (Connection connection = database.open()) {
            return Sql.values(connection, sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.open()) {
            return Long.parseLong(Sql.scalar(connection, sql));
        }
    }

    private static ObjectNode copy(ObjectNode node) {
        return node.deepCopy();
    }

    private static InputStream bytes(ObjectNode dataset) {
        try {
            return new ByteArrayInputStream(JSON.writeValueAsBytes(dataset));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
