package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editors' spreadsheet export, read back the way a spreadsheet reads it: byte order mark, chosen separator, one
 * row per listing in every publication status, awkward text intact and formulas defused; editors only.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingSpreadsheetTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private final HttpClient http = HttpClient.newHttpClient();
    private String editor;
    private String professional;
    private String awkward;

    @BeforeAll
    void setUp() throws Exception {
        ApiClient api = new ApiClient(server.getURL());
        String profile;
        try (Connection c = database.open()) {
            profile = Sql.scalar(c, "SELECT id FROM professional ORDER BY id LIMIT 1");
        }
        TestAccounts.create(server.getApplicationContext(), "redacteur@csv.be", Roles.EDITOR, null);
        TestAccounts.create(server.getApplicationContext(), "hulpverlener@csv.be", Roles.PROFESSIONAL, profile);
        editor = TestAccounts.bearer(api, "redacteur@csv.be");
        professional = TestAccounts.bearer(api, "hulpverlener@csv.be");
        try (Connection c = database.open()) {
            awkward = Sql.scalar(c, "SELECT id FROM service ORDER BY id LIMIT 1");
            Sql.exec(c, "UPDATE service SET name = '=HYPERLINK(\"https://kwaad.example\"; \"klik\")', "
                    + "description = 'Regel één\nregel twee; met \"aanhalingstekens\"', publication_status = 'draft' "
                    + "WHERE id = '" + awkward + "'");
        }
    }

    @Test
    void opensCleanlyInADutchSpreadsheet() throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/editor/export/services.csv?separator=semicolon", editor);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(response.headers().firstValue("content-disposition").orElse("").contains("nestkaart-services-"));
        byte[] body = response.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3),
                "UTF-8 byte order mark, so Excel reads é and ë");
        List<CSVRecord> rows = parse(body, ';');
        Map<String, Integer> header = rows.get(0).getParser().getHeaderMap();
        assertTrue(header.keySet().containsAll(List.of("id", "naam", "organisatie", "zorglijn", "module", "problemen",
                "publicatiestatus", "laatst gecontroleerd", "te controleren", "pagina")), header.keySet().toString());
        try (Connection c = database.open()) {
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM service"), String.valueOf(rows.size()),
                    "every service, whatever its publication status");
        }
        CSVRecord row = rows.stream().filter(r -> r.get("id").equals(awkward)).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"https://kwaad.example\"; \"klik\")", row.get("naam"), "a formula stays text");
        assertEquals("draft", row.get("publicatiestatus"));
        assertEquals("nee", row.get("te controleren"), "only published listings go stale");
        assertTrue(rows.stream().anyMatch(r -> r.get("problemen").contains("Postpartumdepressie")),
                "vocabulary terms by their Dutch names");
        assertTrue(rows.stream().anyMatch(r -> r.get("plaatsen").matches("\\d{4} .+")), "postcode and municipality");
    }

    @Test
    void commaByDefaultAndFilteredByStatus() throws Exception {
        List<CSVRecord> all = parse(get("/api/v1/editor/export/organizations.csv", editor).body(), ',');
        List<CSVRecord> published = parse(get("/api/v1/editor/export/services.csv?status=published", editor).body(), ',');
        try (Connection c = database.open()) {
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM organization"), String.valueOf(all.size()));
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM service WHERE publication_status = 'published'"),
                    String.valueOf(published.size()));
        }
        assertTrue(published.stream().noneMatch(r -> r.get("id").equals(awkward)));
        for (String type : List.of("locations", "professionals")) {
            assertTrue(parse(get("/api/v1/editor/export/" + type + ".csv", editor).body(), ',').size() > 5, type);
        }
    }

    @Test
    void onlyEditorsAndOnlyKnownChoices() throws Exception {
        assertEquals(401, get("/api/v1/editor/export/services.csv", null).statusCode());
        assertEquals(403, get("/api/v1/editor/export/services.csv", professional).statusCode());
        assertEquals(404, get("/api/v1/editor/export/accounts.csv", editor).statusCode());
        assertEquals(400, get("/api/v1/editor/export/services.csv?separator=tab", editor).statusCode());
        assertEquals(400, get("/api/v1/editor/export/services.csv?status=weg", editor).statusCode());
    }

    private HttpResponse<byte[]> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<CSVRecord> parse(byte[] body, char separator) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        try (CSVParser parser = CSVFormat.EXCEL.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
