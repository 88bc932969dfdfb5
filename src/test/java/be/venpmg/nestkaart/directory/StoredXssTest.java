package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markup stored in every free-text field (organisation, location, service, professional, suggestion, change reason,
 * decision reasons, evidence, account name, and what only an import fills: addresses, phones, opening hours, costs,
 * alerts) stays text: escaped in the server-rendered pages, inert inside JSON-LD, kept byte for
 * byte in JSON, and never executed by the search page, the editors' pages or the profile page in real Chromium.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssTest implements MariaDbTestSupport {
    static final String PAYLOAD = "\"'><img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>"
            + "</script><svg onload=window.__xss=1>";
    private static final List<String> RAW_MARKERS = List.of("<img src=x", "<script>window.__xss", "<svg onload");

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    ApiClient api;
    HeadlessChromium chromium;
    String editor;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void storePayloads() throws Exception {
        api = new ApiClient(server.getURL());
        var context = server.getApplicationContext();
        TestAccounts.create(context, "schrijver@venpmg.be", "editor", null);
        TestAccounts.create(context, "nalezer@venpmg.be", "editor", null);
        TestAccounts.create(context, "xss-admin@venpmg.be", "admin", null);
        editor = TestAccounts.bearer(api, "schrijver@venpmg.be");
        String reviewer = TestAccounts.bearer(api, "nalezer@venpmg.be");
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");

        ids.put("organization", publish(editor, reviewer, "organization", null, Map.of("name", "XSS-organisatie " + PAYLOAD,
                "alternate_name", PAYLOAD, "description", PAYLOAD)));
        ids.put("location", publish(editor, reviewer, "location", null, Map.of("organization_id", ids.get("organization"),
                "name", "XSS-locatie " + PAYLOAD, "description", PAYLOAD, "transportation", PAYLOAD)));
        ids.put("service", publish(editor, reviewer, "service", null, Map.of("organization_id", ids.get("organization"),
                "name", "XSS-dienst " + PAYLOAD, "alternate_name", PAYLOAD, "description", "XSS-dienst " + PAYLOAD,
                "application_process", PAYLOAD, "eligibility_description", PAYLOAD, "fees_description", PAYLOAD)));
        try (Connection c = database.open()) {
            ids.put("professional", new TreeSet<>(Sql.values(c,
                    "SELECT id FROM professional WHERE publication_status = 'published' AND consent_public")).first());
        }
        publish(editor, reviewer, "professional", ids.get("professional"), Map.of("given_name", "XSS " + PAYLOAD,
                "family_name", "Persoon" + PAYLOAD.substring(0, 60), "description", PAYLOAD));

        api.send("POST", "/meld-een-wijziging", null, "listing_type=service&listing_id=" + ids.get("service")
                + "&message=" + URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
        JsonNode draft = api.post("/api/v1/editor/listings/service/" + ids.get("service") + "/changes", editor,
                Map.of("fields", Map.of("description", "nog " + PAYLOAD), "reason", PAYLOAD)).json();
        ids.put("change", draft.get("id").asText());
        api.post("/api/v1/editor/changes/" + ids.get("change") + "/submit", editor, Map.of());
        api.post("/api/v1/editor/listings/organization/" + ids.get("organization") + "/changes", editor,
                Map.of("fields", Map.of("description", "concept " + PAYLOAD), "reason", PAYLOAD));
        api.post("/api/v1/editor/professionals/" + ids.get("professional") + "/evidence", editor, Map.of(
                "kind", "intervision", "issuer", PAYLOAD, "document_ref", PAYLOAD, "obtained_on", "2025-01-01"));
        JsonNode refused = api.post("/api/v1/editor/professionals/" + ids.get("professional") + "/evidence", editor,
                Map.of("kind", "supervision", "issuer", "S", "obtained_on", "2025-01-01")).json();
        api.post("/api/v1/editor/evidence/" + refused.get("id").asText() + "/check", editor,
                Map.of("accepted", false, "note", PAYLOAD));
        JsonNode rejected = api.post("/api/v1/editor/listings/location/" + ids.get("location") + "/changes", editor,
                Map.of("fields", Map.of("description", "x"), "reason", "afwijzen")).json();
        api.post("/api/v1/editor/changes/" + rejected.get("id").asText() + "/reject", reviewer, Map.of("reason", PAYLOAD));
        ids.put("rejected", rejected.get("id").asText());
        String admin = TestAccounts.bearer(api, "xss-admin@venpmg.be");
        assertEquals(201, api.post("/api/v1/admin/accounts", admin, Map.of("email", "xss-naam@venpmg.be",
                "display_name", PAYLOAD, "role", "professional", "professional_id", ids.get("professional"),
                "password", TestAccounts.PASSWORD)).status());
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=XSS-dienst").body().contains(ids.get("service")),
                2_000, "the service is searchable");
        importPayloads(context.getBean(be.venpmg.nestkaart.interop.HsdsImporter.class));
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=Geimporteerd").body().contains(IMPORTED_SERVICE),
                5_000, "the imported service is searchable");
        chromium = HeadlessChromium.start();
    }

    private static final String IMPORTED_ORG = "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0001";
    private static final String IMPORTED_SERVICE = "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0002";

    /** The fields only an HSDS import fills (addresses, phones, opening hours, costs, alerts), through the importer. */
    private void importPayloads(be.venpmg.nestkaart.interop.HsdsImporter importer) throws Exception {
        String location = "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0003";
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("organizations", List.of(Map.of("id", IMPORTED_ORG, "name", "Geimporteerd " + PAYLOAD,
                "description", PAYLOAD, "website", "https://example.org/?q=%3Cscript%3E")));
        dataset.put("locations", List.of(Map.of("id", location, "organization_id", IMPORTED_ORG, "location_type",
                "physical", "name", PAYLOAD, "transportation", PAYLOAD)));
        dataset.put("addresses", List.of(Map.of("id", "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0004", "location_id", location,
                "address_1", PAYLOAD, "address_2", PAYLOAD, "city", "Gent", "state_province", "Oost-Vlaanderen",
                "postal_code", "9000", "country", "BE", "address_type", "physical")));
        dataset.put("services", List.of(Map.of("id", IMPORTED_SERVICE, "organization_id", IMPORTED_ORG, "name",
                "Geimporteerd " + PAYLOAD, "description", "Geimporteerd " + PAYLOAD, "status", "active", "alert", PAYLOAD,
                "application_process", PAYLOAD, "eligibility_description", PAYLOAD, "wait_time", PAYLOAD)));
        dataset.put("service_at_locations", List.of(Map.of("id", "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0005",
                "service_id", IMPORTED_SERVICE, "location_id", location)));
        dataset.put("phones", List.of(Map.of("id", "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0006", "service_id",
                IMPORTED_SERVICE, "number", "09 123 45 67", "description", PAYLOAD)));
        dataset.put("cost_options", List.of(Map.of("id", "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0007", "service_id",
                IMPORTED_SERVICE, "option_text", PAYLOAD, "amount_description", PAYLOAD)));
        dataset.put("schedules", List.of(Map.of("id", "6f1d8f0e-4d3a-4c55-9a71-0d2c9b7e0008", "service_id",
                IMPORTED_SERVICE, "description", PAYLOAD, "notes", PAYLOAD)));
        byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(dataset);
        importer.importDataset(new java.io.ByteArrayInputStream(json), "xss.json", "test");
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void jsonKeepsThePayloadAsAStringServedAsJson() {
        ApiClient.Response service = api.get("/api/v1/services/" + ids.get("service"));
        assertTrue(service.contentType().startsWith("application/json"), service.contentType());
        assertEquals("XSS-dienst " + PAYLOAD, service.json().get("name").asText(), "stored and returned unchanged");
        assertEquals(PAYLOAD, service.json().get("application_process").asText());
        ApiClient.Response search = api.get("/api/v1/search?q=XSS-dienst");
        assertTrue(search.contentType().startsWith("application/json"));
        assertTrue(search.json().toString().contains("XSS-dienst"));
        ApiClient.Response change = api.get("/api/v1/editor/changes/" + ids.get("change"), editor);
        assertEquals(PAYLOAD, change.json().get("reason").asText());
    }

    @Test
    void serverRenderedPagesEscapeEveryField() {
        for (String path : List.of("/aanbod/" + ids.get("service") + "/x", "/organisatie/" + ids.get("organization") + "/x",
                "/hulpverlener/" + ids.get("professional") + "/x", "/aanbod/" + IMPORTED_SERVICE + "/x",
                "/organisatie/" + IMPORTED_ORG + "/x")) {
            String html = follow(path);
            assertTrue(html.contains("&lt;img src=x"), path + " shows the payload as text");
            for (String marker : RAW_MARKERS) {
                assertFalse(stripJsonLd(html).contains(marker), path + " contains raw " + marker);
            }
            Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                    .matcher(html);
            assertTrue(ld.find(), path);
            assertFalse(ld.group(1).contains("<"), "JSON-LD cannot close its script element: " + ld.group(1));
            assertEquals(count(html, "<script"), count(html, "</script>"), path);
        }
    }

    @Test
    void noPageRunsThePayloadInTheBrowser() {
        List<String> visited = new ArrayList<>();
        String base = server.getURL().toString();
        visit(base + "/aanbod/" + ids.get("service"), "XSS-dienst", visited);
        visit(base + "/organisatie/" + ids.get("organization"), "XSS-organisatie", visited);
        visit(base + "/hulpverlener/" + ids.get("professional"), "XSS", visited);
        visit(base + "/?q=XSS-dienst", "XSS-dienst", visited);
        visit(base + "/aanbod/" + IMPORTED_SERVICE, "Geimporteerd", visited);
        visit(base + "/organisatie/" + IMPORTED_ORG, "Geimporteerd", visited);
        visit(base + "/?q=Geimporteerd", "Geimporteerd", visited);

        signIn("schrijver@venpmg.be");
        for (String view : List.of("#/te-beoordelen", "#/concepten", "#/wijziging/" + ids.get("change"),
                "#/item/service/" + ids.get("service"), "#/item/organization/" + ids.get("organization"),
                "#/item/location/" + ids.get("location"), "#/item/professional/" + ids.get("professional"),
                "#/meldingen", "#/bewijsstukken", "#/kwaliteit/" + ids.get("professional"),
                "#/wijziging/" + ids.get("rejected"), "#/item/service/" + IMPORTED_SERVICE)) {
            visit(base + "/redactie" + view, "<img src=x", visited);
        }
        signIn("xss-admin@venpmg.be");
        visit(base + "/redactie#/accounts", "<img src=x", visited);
        signIn("xss-naam@venpmg.be");
        visit(base + "/mijn-profiel", "<img src=x", visited);
        assertEquals(21, visited.size(), visited.toString());
    }

    private void visit(String url, String expectedText, List<String> visited) {
        chromium.driver.get(url);
        if (url.contains("#")) {
            chromium.driver.navigate().refresh();
        }
        chromium.waitForText(expectedText);
        JavascriptExecutor js = (JavascriptExecutor) chromium.driver;
        assertEquals(Boolean.TRUE, js.executeScript("return window.__xss === undefined"), url + " ran the payload");
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img[src=\"x\"], svg[onload], "
                + "main script').length"), url + " has injected elements");
        visited.add(url);
    }

    private void signIn(String email) {
        chromium.signIn(server.getURL().toString(), email, TestAccounts.PASSWORD);
    }

    private String publish(String author, String reviewer, String type, String id, Map<String, Object> fields) {
        ApiClient.Response draft = api.post("/api/v1/editor/listings/" + type + (id == null ? "" : "/" + id + "/changes"),
                author, Map.of("fields", fields, "reason", "XSS-test"));
        assertEquals(201, draft.status(), draft.body());
        String change = draft.json().get("id").asText();
        assertEquals(200, api.post("/api/v1/editor/changes/" + change + "/submit", author, Map.of()).status());
        ApiClient.Response published = api.approve(change, reviewer, null);
        assertEquals(200, published.status(), published.body());
        return published.json().get("entity_id").asText();
    }

    private String follow(String path) {
        try {
            var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripJsonLd(String html) {
        return html.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
