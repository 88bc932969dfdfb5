package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.editorial.ListingSpreadsheet;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network's spreadsheet as an import: the editors' own CSV export, changed in a spreadsheet (Dutch headers, ';',
 * byte order mark), imports back and changes exactly what was changed; a sheet of the network's own without ids
 * imports, and again without duplicates; a misspelt column or an unknown term is refused by name.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetImportTest implements MariaDbTestSupport {
    @Inject
    ListingSpreadsheet spreadsheet;
    @Inject
    HsdsImporter importer;
    @Inject
    DatasetReader reader;
    @Inject
    Database database;

    @Test
    void theEditorsExportChangedInASpreadsheetImportsBack(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        spreadsheet.write("services", null, ';', exported);
        String text = exported.toString(StandardCharsets.UTF_8).substring(1); // after the byte order mark
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            header = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                rows.add(new ArrayList<>(row.toList()));
            }
        }
        String changed = rows.get(0).get(header.indexOf("id"));
        rows.get(0).set(header.indexOf("wachttijd (weken)"), "7");
        String archived = rows.get(1).get(header.indexOf("id"));
        rows.get(1).set(header.indexOf("publicatiestatus"), "archived");
        Path file = dir.resolve("nestkaart-services-2026-12-01.csv");
        Files.writeString(file, "\uFEFF" + csv(header, rows, ';'));

        ImportReport report = importer.importDataset(reader.read(file), "spreadsheet", "test");
        assertEquals(new ImportReport.Changes(0, 1, rows.size() - 2), report.changes().get("services"), report.toString());
        assertTrue(report.skippedTables().toString().contains(archived),
                "a listing that is not published is left out, not published again: " + report.skippedTables());
        assertEquals(0, report.changes().get("attributes").added() + report.changes().get("attributes").changed(),
                "the terms read back as they were");
        try (Connection c = database.open()) {
            assertEquals("7", Sql.scalar(c, "SELECT waiting_weeks FROM service WHERE id = '" + changed + "'"));
        }
    }

    @Test
    void aSheetOfTheNetworksOwnWithoutIdsImportsOnceAndIsRefusedByNameWhenWrong(@TempDir Path dir) throws Exception {
        String organization;
        try (Connection c = database.open()) {
            organization = Sql.scalar(c, "SELECT name FROM organization WHERE name NOT IN (SELECT name FROM organization "
                    + "GROUP BY name HAVING COUNT(*) > 1) ORDER BY id LIMIT 1");
        }
        Path sheet = dir.resolve("onze-locaties.csv");
        Files.writeString(sheet, "Naam,Organisatie,Adres,Postcode\n"
                + "Consultatiebureau Plover," + quoted(organization) + ",Kerkstraat 1,9000\n"
                + "Huis van het Kind Plover," + quoted(organization) + ",Markt 2,3000\n");
        ImportReport first = importer.importDataset(reader.read(sheet, "locations"), "plover", "test");
        assertEquals(new ImportReport.Changes(2, 0, 0), first.changes().get("locations"));
        assertEquals(2, first.count("addresses"));
        ImportReport again = importer.importDataset(reader.read(sheet, "locations"), "plover", "test");
        assertEquals(new ImportReport.Changes(0, 0, 2), again.changes().get("locations"), "stable ids: no duplicates");
        try (Connection c = database.open()) {
            assertEquals("Gent", Sql.scalar(c, "SELECT a.municipality FROM address a JOIN location l ON l.id = a.location_id "
                    + "WHERE l.name = 'Consultatiebureau Plover'"));
        }

        Path misspelt = dir.resolve("aanbod.csv");
        Files.writeString(misspelt, "naam;organisatie;wachtijd (weken);zorglijn\nPlovergesprek;" + organization
                + ";3;4de lijn\n");
        ImportRejectedException refused = assertThrows(ImportRejectedException.class, () -> reader.read(misspelt));
        assertEquals("wachtijd (weken)", refused.problems().get(0).field(), refused.problems().toString());
        Files.writeString(misspelt, "naam;organisatie;wachttijd (weken);zorglijn\nPlovergesprek;" + organization
                + ";3;4de lijn\n");
        refused = assertThrows(ImportRejectedException.class, () -> reader.read(misspelt));
        assertTrue(refused.problems().get(0).toString().contains("no term '4de lijn' in nestkaart-careline"),
                refused.problems().toString());
        Files.writeString(misspelt, "naam;organisatie;wachttijd (weken);zorglijn\nPlovergesprek;" + organization
                + ";drie;2de lijn\n");
        refused = assertThrows(ImportRejectedException.class,
                () -> importer.importDataset(reader.read(misspelt), "plover", "test"));
        assertEquals("nestkaart_waiting_weeks", refused.problems().get(0).field(), refused.problems().toString());

        ImportRejectedException unnamed = assertThrows(ImportRejectedException.class,
                () -> reader.read(Files.writeString(dir.resolve("export.csv"), "naam\nx\n")));
        assertTrue(unnamed.problems().get(0).toString().contains("--sheet"), unnamed.problems().toString());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String csv(List<String> header, List<List<String>> rows, char separator) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(separator).get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }
}
