package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.interop.HsdsImporter;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coverage report on the seed data plus the evaluation corpus: for three eerstelijnszones checked by hand (Gent,
 * Kempenland, Westhoek) the counts per care line and module equal what the database says directly (services with a
 * public location in the zone), the gaps are the columns without any, and the CSV is the page's table.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageTest implements MariaDbTestSupport {
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    @Inject
    EmbeddedServer server;
    @Inject
    HsdsImporter importer;
    @Inject
    IndexMaintainer maintainer;
    @Inject
    SearchIndex index;
    @Inject
    Database database;

    private ApiClient api;

    @BeforeAll
    void load() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.load(importer, maintainer, index);
    }

    @Test
    void threeZonesCheckedByHandShowTheirOfferAndTheirGaps() throws Exception {
        JsonNode coverage = api.get("/api/v1/coverage?by=eerstelijnszone").json();
        for (String zone : List.of("Gent", "Kempenland", "Westhoek")) {
            JsonNode region = null;
            for (JsonNode r : coverage.get("regions")) {
                if (r.get("name").asText().equals(zone)) {
                    region = r;
                }
            }
            assertTrue(region != null, zone + " is a region of the report");
            Map<String, Long> expected = inDatabase(zone);
            List<String> gaps = new ArrayList<>();
            for (JsonNode column : coverage.get("columns")) {
                String key = column.get("dimension").asText() + ":" + column.get("code").asText();
                long count = expected.getOrDefault(key, 0L);
                assertEquals(count, region.get("services").get(key).asLong(), zone + " " + key);
                if (count == 0) {
                    gaps.add(column.get("label").asText());
                }
            }
            List<String> shown = new ArrayList<>();
            region.get("gaps").forEach(g -> shown.add(g.asText()));
            assertEquals(gaps, shown, zone);
        }
        // Checked by hand, listing the services located in each zone with their terms (seed plus corpus): Gent has
        // every care line and module (home treatment, day treatment and the mother-baby unit of the seed among them);
        // Kempenland has no 1st-line offer and no day treatment; Westhoek only a 2nd-line service, day treatment and a
        // mother-baby unit.
        assertEquals(List.of(), gapsOf(coverage, "Gent"));
        assertEquals(List.of("1ste lijn", "Module 4: dagbehandeling"), gapsOf(coverage, "Kempenland"));
        assertEquals(List.of("0de lijn", "1ste lijn", "Module 1: ambulant", "Module 2: thuisbehandeling",
                "Module 3: liaison"), gapsOf(coverage, "Westhoek"));
        assertTrue(coverage.get("everywhere").get("careline:1").asLong() > 0, "helplines reach every region");
        assertEquals(400, api.get("/api/v1/coverage?by=planeet").status());
    }

    @Test
    void theCsvIsThePagesTable() throws Exception {
        for (String by : List.of("eerstelijnszone", "province")) {
            String csv = api.get("/api/v1/coverage.csv?by=" + by).body();
            List<List<String>> file = new ArrayList<>();
            try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(csv))) {
                for (CSVRecord row : parser) {
                    file.add(row.toList());
                }
            }
            String page = api.get("/dekking" + (by.equals("province") ? "?per=province" : "")).body();
            List<List<String>> table = new ArrayList<>();
            Matcher rows = ROW.matcher(page.substring(page.indexOf("<table")));
            while (rows.find()) {
                List<String> cells = new ArrayList<>();
                Matcher cell = CELL.matcher(rows.group(1));
                while (cell.find()) {
                    cells.add(cell.group(1).strip().replace("&amp;", "&"));
                }
                table.add(cells);
            }
            assertEquals(file, table, by);
            assertTrue(file.size() > (by.equals("province") ? 6 : 50), file.size() + " rows by " + by);
        }
    }

    private static List<String> gapsOf(JsonNode coverage, String zone) {
        List<String> gaps = new ArrayList<>();
        coverage.get("regions").forEach(r -> {
            if (r.get("name").asText().equals(zone)) {
                r.get("gaps").forEach(g -> gaps.add(g.asText()));
            }
        });
        return gaps;
    }

    /** The independent count: published services with a public location whose address lies in the zone. */
    private Map<String, Long> inDatabase(String zone) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = database.open(); PreparedStatement s = c.prepareStatement("""
                SELECT CASE t.taxonomy WHEN 'nestkaart-careline' THEN 'careline' ELSE 'module' END, t.code,
                       COUNT(DISTINCT s.id)
                FROM public_service s JOIN attribute a ON a.link_id = s.id JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                WHERE t.taxonomy IN ('nestkaart-careline', 'nestkaart-module')
                  AND (s.id IN (SELECT sl.service_id FROM service_at_location sl JOIN public_location l
                                ON l.id = sl.location_id JOIN address ad ON ad.location_id = l.id
                                WHERE ad.eerstelijnszone = ?)
                       OR s.id IN (SELECT sa.service_id FROM service_area sa WHERE sa.scope = 'eerstelijnszone'
                                   AND sa.code = ?))
                GROUP BY 1, 2""")) {
            s.setString(1, zone);
            s.setString(2, zone);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return counts;
    }
}
