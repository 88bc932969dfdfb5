package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What HSDS itself publishes imports (copies in src/test/resources/hsds-official, with their licence): the tabular
 * JSON keyed by file name, the CSV data package with its singular resource names, and the descriptor on its own.
 * Their small faults (a numeric identifier, links to records that exist nowhere, coordinates (100, 101)) are repaired
 * and reported, not a reason to refuse the whole file.
 */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@Property(name = "nestkaart.seed.enabled", value = "false")
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialExamplesImportTest implements MariaDbTestSupport {
    private static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";

    @Inject
    HsdsImporter importer;
    @Inject
    DatasetReader reader;
    @Inject
    Database database;

    @Test
    void theTabularExampleImportsWithItsFaultsRepairedAndReported() throws Exception {
        ImportReport report = importer.importDataset(reader.read(official("examples/tabular.json")), "tabular.json",
                "test");
        assertEquals(1, report.count("services"));
        assertEquals(1, report.count("service_at_locations"), "'service_at_location.csv' is the same table");
        assertTrue(report.skippedTables().contains("programs"), report.skippedTables().toString());
        assertRepaired(report, "external_identifier", "kept as text");
        assertRepaired(report, "latitude", "left out");
        assertRepaired(report, "organization_id", "left empty");
        try (Connection connection = database.open()) {
            assertEquals("Community Counselling", Sql.scalar(connection,
                    "SELECT name FROM service WHERE id = '" + SERVICE + "'"));
            assertEquals("10092008082", Sql.scalar(connection,
                    "SELECT external_identifier FROM location WHERE id = '3a19ff88-4620-4d17-9830-ac1d859eb5d5'"));
            assertEquals("0", Sql.scalar(connection, "SELECT COUNT(*) FROM location WHERE latitude IS NOT NULL "
                    + "AND id = '3a19ff88-4620-4d17-9830-ac1d859eb5d5'"));
        }
    }

    @Test
    void theCsvPackageAndTheDescriptorAloneImport() throws Exception {
        ImportReport csv = importer.importDataset(reader.read(official("examples/csv")), "csv", "test");
        assertEquals(1, csv.count("services"));
        assertEquals(1, csv.count("taxonomy_terms"));
        ImportReport descriptor = importer.importDataset(reader.read(official("datapackage.json")), "datapackage.json",
                "test");
        assertEquals(0, descriptor.records().size(), "a descriptor without data files imports nothing");
        assertTrue(descriptor.skippedTables().stream().anyMatch(table -> table.contains("no file organizations.csv")),
                descriptor.skippedTables().toString());
    }

    private static void assertRepaired(ImportReport report, String field, String how) {
        assertTrue(report.repairs().stream().anyMatch(r -> field.equals(r.field()) && r.message().contains(how)),
                report.repairs().toString());
    }

    private static Path official(String path) throws Exception {
        return Path.of(OfficialExamplesImportTest.class.getResource("/hsds-official/" + path).toURI());
    }
}
