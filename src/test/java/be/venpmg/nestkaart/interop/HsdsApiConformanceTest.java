package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.search.SearchIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HSDS 3.0 API and the export, on the seed data plus the evaluation corpus, checked against the official HSDS
 * schemas with a JSON Schema validator: every page of every list (summary and fully nested), every single record,
 * and every record of the export. Then the filters, paging and errors behave as the API reference describes.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsApiConformanceTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    HsdsImporter importer;
    @Inject
    Database database;
    @Inject
    SearchIndex index;
    @Inject
    IndexMaintainer maintainer;
    @Inject
    PostalCodeDirectory postalCodes;

    private ApiClient api;
    private final List<String> errors = new ArrayList<>();
    private int validated;

    @BeforeAll
    void loadSeedAndCorpus() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.load(importer, maintainer, index);
    }

    @Test
    void theValidatorRefusesWhatTheSchemasForbid() throws Exception {
        JsonNode broken = JSON.readTree("{\"id\": \"not-a-uuid\", \"status\": \"active\", \"minimum_age\": \"twelve\"}");
        assertEquals(3, HsdsSchemas.errors(HsdsSchemas.compiled("service"), broken).size(),
                "missing name, id not a uuid, age not a number");
        // Strict: a field neither HSDS nor the Nestkaart profile defines is refused, also deep inside; the profile's
        // fields are allowed and typed.
        String valid = "{\"id\": \"6cd71e9f-1013-49d9-8370-26b8f59d3e5a\", \"name\": \"Thuisbegeleiding\", "
                + "\"status\": \"active\", \"nestkaart_waiting_weeks\": 3, \"service_at_locations\": [{\"id\": "
                + "\"6cd71e9f-1013-49d9-8370-26b8f59d3e5b\", \"location\": {\"id\": \"6cd71e9f-1013-49d9-8370-"
                + "26b8f59d3e5c\", \"location_type\": \"physical\", \"addresses\": []}}]}";
        assertEquals(List.of(), HsdsSchemas.errors(HsdsSchemas.compiled("service"), JSON.readTree(valid)));
        assertEquals(1, HsdsSchemas.errors(HsdsSchemas.compiled("service"),
                JSON.readTree(valid.replace("\"addresses\"", "\"colour\": \"red\", \"addresses\""))).size(),
                "an unknown field deep inside");
        assertEquals(1, HsdsSchemas.errors(HsdsSchemas.compiled("service"),
                JSON.readTree(valid.replace("\"nestkaart_waiting_weeks\": 3", "\"nestkaart_waiting_weeks\": \"3\""))).size(),
                "a profile field of the wrong type");
        assertEquals(1, HsdsSchemas.errors(HsdsSchemas.compiled("service"),
                JSON.readTree(valid.replace("\"nestkaart_waiting_weeks\"", "\"waiting_weeks\""))).size(),
                "an extension without the prefix");
    }

    @Test
    void everyResponseOfEveryEndpointIsValidAgainstTheHsdsSchemas() throws Exception {
        check("/hsds", HsdsSchemas.apiReference("/"));

        List<JsonNode> services = harvest("/hsds/services", HsdsSchemas.compiled("service_list"));
        harvest("/hsds/services?full=true", HsdsSchemas.compiled("service"));
        List<JsonNode> organizations = harvest("/hsds/organizations", HsdsSchemas.compiled("organization_list"));
        harvest("/hsds/organizations?full=true&full_service=true", HsdsSchemas.compiled("organization"));
        List<JsonNode> sals = harvest("/hsds/service_at_locations", HsdsSchemas.compiled("service_at_location_list"));
        harvest("/hsds/service_at_locations?full=true", HsdsSchemas.compiled("service_at_location"));
        List<JsonNode> taxonomies = harvest("/hsds/taxonomies", HsdsSchemas.table("taxonomy"));
        List<JsonNode> terms = harvest("/hsds/taxonomy_terms", HsdsSchemas.table("taxonomy_term"));

        for (JsonNode service : services) {
            check("/hsds/services/" + service.get("id").asText(), HsdsSchemas.compiled("service"));
        }
        for (JsonNode organization : organizations) {
            check("/hsds/organizations/" + organization.get("id").asText(), HsdsSchemas.compiled("organization"));
            check("/hsds/organizations/" + organization.get("id").asText() + "?full_service=true",
                    HsdsSchemas.compiled("organization"));
        }
        for (JsonNode sal : sals) {
            check("/hsds/service_at_locations/" + sal.get("id").asText(), HsdsSchemas.compiled("service_at_location"));
        }
        for (JsonNode taxonomy : taxonomies) {
            check("/hsds/taxonomies/" + taxonomy.get("id").asText(), HsdsSchemas.table("taxonomy"));
        }
        for (JsonNode term : terms) {
            check("/hsds/taxonomy_terms/" + term.get("id").asText(), HsdsSchemas.table("taxonomy_term"));
        }

        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " schema errors");
        try (Connection c = database.open()) {
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM service WHERE publication_status = 'published'"),
                    String.valueOf(services.size()), "every published service (seed + corpus) is listed");
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM organization WHERE publication_status = 'published'"),
                    String.valueOf(organizations.size()));
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM taxonomy_term"), String.valueOf(terms.size()));
        }
        assertTrue(services.size() > 400 && validated > 2_000, validated + " responses and records validated");
    }

    @Test
    void theExportIsValidAgainstTheTableSchemasAndLeavesOutWhatIsNotPublic() throws Exception {
        JsonNode export = JSON.readTree(api.get("/api/v1/export/hsds.json").body());
        assertEquals("3.0", export.get("hsds_version").asText());
        int records = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = export.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            if (!table.getValue().isArray()) {
                continue;
            }
            HsdsTable spec = HsdsTables.table(table.getKey());
            String schemaName = spec.schema().substring(spec.schema().lastIndexOf('/') + 1).replace(".json", "");
            JsonSchema schema = spec.schema().startsWith(HsdsTables.HSDS_SCHEMA)
                    ? HsdsSchemas.table(schemaName) : HsdsSchemas.extension(schemaName);
            for (JsonNode record : table.getValue()) {
                HsdsSchemas.errors(schema, record).forEach(e -> errors.add(table.getKey() + " " + record.get("id") + ": " + e));
                records++;
            }
        }
        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " schema errors in the export");
        assertTrue(records > 4_000, records + " records");

        Set<String> professionals = ids(export.get("nestkaart_professionals"));
        try (Connection c = database.open()) {
            assertEquals(Sql.scalar(c, "SELECT COUNT(*) FROM professional WHERE publication_status = 'published' "
                    + "AND consent_public"), String.valueOf(professionals.size()));
            String withoutConsent = Sql.scalar(c, "SELECT id FROM professional WHERE NOT consent_public LIMIT 1");
            assertFalse(professionals.contains(withoutConsent), "no profile leaves without consent");
            assertFalse(export.toString().contains(withoutConsent), "not even as a reference");
        }

        // The same tables as a tabular data package: one CSV per table, described by datapackage.json.
        byte[] zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/export/hsds-datapackage.zip")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Map<String, String> files = unzip(zip);
        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        assertEquals("tabular-data-package", descriptor.get("profile").asText());
        for (JsonNode resource : descriptor.get("resources")) {
            String csv = files.get(resource.get("path").asText());
            String header = csv.substring(0, csv.indexOf("\r\n"));
            List<String> fields = new ArrayList<>();
            resource.at("/schema/fields").forEach(f -> fields.add('"' + f.get("name").asText() + '"'));
            assertEquals(String.join(",", fields), header, resource.get("name").asText());
            assertEquals(export.get(resource.get("name").asText()).size() + 1L,
                    csv.lines().filter(l -> !l.isEmpty()).count() - multiLineRecordsExtra(csv),
                    "one row per record in " + resource.get("path").asText());
        }
    }

    @Test
    void filtersSelectWhatTheyPromise() throws Exception {
        List<JsonNode> services = harvest("/hsds/services?full=true", HsdsSchemas.compiled("service"));
        List<JsonNode> all = harvest("/hsds/service_at_locations?full=true", HsdsSchemas.compiled("service_at_location"));

        // organization_id: every service of that organisation, no other.
        String organization = services.get(0).get("organization_id").asText();
        Set<String> expected = new TreeSet<>();
        services.stream().filter(s -> organization.equals(s.get("organization_id").asText()))
                .forEach(s -> expected.add(s.get("id").asText()));
        assertEquals(expected, new TreeSet<>(ids(harvest("/hsds/services?organization_id=" + organization,
                HsdsSchemas.compiled("service_list")))));

        // taxonomy_term_id and taxonomy_id: the services carrying the term, or any term of the taxonomy.
        // The seed and the corpus each bring their own problem vocabulary, so "ppd" is two terms: ask for both.
        Set<String> ppd;
        String problems;
        try (Connection c = database.open()) {
            ppd = Sql.values(c, "SELECT id FROM taxonomy_term WHERE taxonomy = 'nestkaart-problem' AND code = 'ppd'");
            problems = Sql.scalar(c, "SELECT id FROM taxonomy WHERE name = 'nestkaart-problem' ORDER BY id LIMIT 1");
        }
        assertEquals(2, ppd.size());
        Set<String> withPpd = new TreeSet<>();
        Set<String> withProblem = new TreeSet<>();
        for (JsonNode service : services) {
            for (JsonNode attribute : service.get("attributes")) {
                if (ppd.contains(attribute.get("taxonomy_term_id").asText())) {
                    withPpd.add(service.get("id").asText());
                }
                if (problems.equals(attribute.at("/taxonomy_term/taxonomy_id").asText())) {
                    withProblem.add(service.get("id").asText());
                }
            }
        }
        assertTrue(withPpd.size() > 20, withPpd.size() + " services about postpartum depression");
        assertEquals(withPpd, new TreeSet<>(ids(harvest("/hsds/services?taxonomy_term_id=" + String.join(",", ppd),
                HsdsSchemas.compiled("service_list")))));
        assertEquals(withProblem, new TreeSet<>(ids(harvest("/hsds/services?taxonomy_id=" + problems,
                HsdsSchemas.compiled("service_list")))));

        // postcode alone: the locations with that postcode; with proximity: within that many metres of its centre.
        Set<String> inGhent = new TreeSet<>();
        Set<String> nearGhent = new TreeSet<>();
        PostalPlace ghent = postalCodes.find("9000").get(0);
        for (JsonNode sal : all) {
            JsonNode location = sal.get("location");
            for (JsonNode address : location.get("addresses")) {
                if ("9000".equals(address.get("postal_code").asText())) {
                    inGhent.add(sal.get("id").asText());
                }
            }
            if (location.has("latitude") && metres(ghent, location) <= 15_000) {
                nearGhent.add(sal.get("id").asText());
            }
        }
        assertFalse(inGhent.isEmpty());
        assertTrue(nearGhent.size() > inGhent.size());
        assertEquals(inGhent, new TreeSet<>(ids(harvest("/hsds/service_at_locations?postcode=9000",
                HsdsSchemas.compiled("service_at_location_list")))));
        assertEquals(nearGhent, new TreeSet<>(ids(harvest("/hsds/service_at_locations?postcode=9000&proximity=15000",
                HsdsSchemas.compiled("service_at_location_list")))));
        Set<String> servicesNearGhent = new TreeSet<>();
        all.stream().filter(s -> nearGhent.contains(s.get("id").asText()))
                .forEach(s -> servicesNearGhent.add(s.get("service_id").asText()));
        assertEquals(servicesNearGhent, new TreeSet<>(ids(harvest("/hsds/services?postcode=9000&proximity=15000",
                HsdsSchemas.compiled("service_list")))));

        // search: everyday words find the professional terms, best first, and combine with the other filters.
        JsonNode found = api.get("/hsds/services?per_page=10&search=" + encode("somber na de bevalling")).json();
        assertTrue(found.get("total_items").asInt() > 20);
        long aboutPpd = 0;
        for (int i = 0; i < 5; i++) {
            aboutPpd += withPpd.contains(found.at("/contents/" + i + "/id").asText()) ? 1 : 0;
        }
        assertTrue(aboutPpd >= 3, aboutPpd + " of the best 5 are about postpartum depression");
        Set<String> searchedNear = new HashSet<>(ids(harvest("/hsds/services?postcode=9000&proximity=15000&search="
                + encode("somber na de bevalling"), HsdsSchemas.compiled("service_list"))));
        assertFalse(searchedNear.isEmpty());
        assertTrue(servicesNearGhent.containsAll(searchedNear));

        // search answers from the index: combined with any filter it finds exactly what the filter finds among the
        // services the text matches (the filters alone are answered by the database).
        String text = "&search=" + encode("zwangerschap");
        Set<String> matching = new HashSet<>(ids(harvest("/hsds/services?" + text.substring(1),
                HsdsSchemas.compiled("service_list"))));
        String ofOrganization = services.get(0).get("organization_id").asText();
        String term = services.get(0).get("attributes").get(0).get("taxonomy_term").get("id").asText();
        String taxonomy = services.get(0).get("attributes").get(0).get("taxonomy_term").get("taxonomy_id").asText();
        for (String filter : List.of("organization_id=" + ofOrganization, "taxonomy_term_id=" + term,
                "taxonomy_id=" + taxonomy, "postcode=9000", "postcode=9000&proximity=15000",
                "modified_after=2000-01-01")) {
            Set<String> filtered = new HashSet<>(ids(harvest("/hsds/services?" + filter,
                    HsdsSchemas.compiled("service_list"))));
            filtered.retainAll(matching);
            assertEquals(new TreeSet<>(filtered), new TreeSet<>(ids(harvest("/hsds/services?" + filter + text,
                    HsdsSchemas.compiled("service_list")))), filter);
        }

        // modified_after: nothing changes in the future, everything since long ago.
        assertEquals(0, api.get("/hsds/services?modified_after=2999-01-01T00:00:00Z").json().get("total_items").asInt());
        assertEquals(0, api.get("/hsds/services?modified_after=2999-01-01T00:00:00").json().get("total_items").asInt(),
                "a date-time without an offset is UTC");
        assertEquals(services.size(), api.get("/hsds/services?modified_after=2000-01-01").json()
                .get("total_items").asInt());
    }

    @Test
    void pagesAddUpAndEnvelopesTellWhereYouAre() {
        JsonNode first = api.get("/hsds/services?per_page=7").json();
        int total = first.get("total_items").asInt();
        assertEquals((total + 6) / 7, first.get("total_pages").asInt());
        assertTrue(first.get("first_page").asBoolean());
        assertFalse(first.get("last_page").asBoolean());
        assertEquals(7, first.get("size").asInt());
        JsonNode last = api.get("/hsds/services?per_page=7&page=" + first.get("total_pages").asInt()).json();
        assertTrue(last.get("last_page").asBoolean());
        assertEquals(total - 7 * (first.get("total_pages").asInt() - 1), last.get("size").asInt());
        JsonNode beyond = api.get("/hsds/services?per_page=7&page=" + (first.get("total_pages").asInt() + 1)).json();
        assertTrue(beyond.get("empty").asBoolean());
        assertEquals(total, beyond.get("total_items").asInt());

        String q = "&search=" + encode("huilbaby");
        JsonNode one = api.get("/hsds/services?per_page=5&page=1" + q).json();
        JsonNode two = api.get("/hsds/services?per_page=5&page=2" + q).json();
        Set<String> overlap = new HashSet<>(ids(one.get("contents")));
        overlap.retainAll(ids(two.get("contents")));
        assertTrue(overlap.isEmpty(), "pages of a search do not overlap");
        assertEquals(one.get("total_items"), two.get("total_items"));
    }

    @Test
    void badRequestsGetAProblemNamingTheParameter() {
        Map<String, String> bad = new HashMap<>();
        bad.put("/hsds/services?per_page=0", "per_page");
        bad.put("/hsds/services?per_page=100000", "per_page");
        bad.put("/hsds/organizations?page=abc", "page");
        bad.put("/hsds/services?postcode=99999", "postcode");
        bad.put("/hsds/service_at_locations?proximity=5000", "proximity");
        bad.put("/hsds/services?postcode=9000&proximity=-5", "proximity");
        bad.put("/hsds/services?format=ndjson", "format");
        bad.put("/hsds/services?minimal=true", "minimal");
        bad.put("/hsds/services?full=maybe", "full");
        bad.put("/hsds/taxonomy_terms?top_only=ja", "top_only");
        bad.put("/hsds/services?modified_after=gisteren", "modified_after");
        // Issue 20: a misspelt filter was ignored, and the client got every record as if filtered.
        bad.put("/hsds/services?taxonomy_term=abc", "taxonomy_term");
        bad.put("/hsds/organizations?ful=true", "ful");
        bad.put("/hsds/services/" + "00000000-0000-0000-0000-000000000000" + "?full=true", "full");
        bad.forEach((path, parameter) -> {
            ApiClient.Response response = api.get(path);
            assertEquals(400, response.status(), path);
            assertTrue(response.contentType().startsWith("application/problem+json"), path);
            assertEquals(parameter, response.json().at("/invalid_params/0/name").asText(), path);
        });
        for (String path : List.of("/hsds/services/", "/hsds/organizations/", "/hsds/service_at_locations/",
                "/hsds/taxonomies/", "/hsds/taxonomy_terms/")) {
            ApiClient.Response response = api.get(path + "00000000-0000-0000-0000-000000000000");
            assertEquals(404, response.status(), path);
            assertTrue(response.contentType().startsWith("application/problem+json"), path);
        }
    }

    /** Issue 20: Nestkaart's own fields carry the nestkaart_ prefix, as HSDS asks of extensions. */
    @Test
    void extensionFieldsArePrefixed() {
        String body = api.get("/hsds/services?full=true&per_page=20").body();
        for (String bare : List.of("\"coordinates_source\"", "\"municipality\"", "\"province\"",
                "\"eerstelijnszone\"")) {
            assertFalse(body.contains(bare), bare + " without prefix");
        }
        assertTrue(body.contains("\"nestkaart_municipality\""), "the extension is there, prefixed");
        assertTrue(body.contains("\"nestkaart_coordinates_source\""), "the extension is there, prefixed");
    }

    @Test
    void theProfileTheRootNamesIsServedAndDescribesEveryExtension() throws Exception {
        String profileUrl = api.get("/hsds").json().get("profile").asText();
        assertEquals(server.getURL() + "/hsds/profile", profileUrl, "on this site, not on a host that does not answer");
        JsonNode profile = api.get(profileUrl.substring(server.getURL().toString().length())).json();
        assertEquals("3.0", profile.get("hsds_version").asText());
        for (HsdsTable table : HsdsTables.ALL) {
            String schemaName = table.schema().substring(table.schema().lastIndexOf('/') + 1).replace(".json", "");
            List<String> extensions = table.fields().stream().filter(f -> f.startsWith("nestkaart_")).toList();
            if (table.key().startsWith("nestkaart_")) {
                assertTrue(profile.at("/schemas/" + schemaName).isTextual(), table.key() + " is in the profile");
            } else if (!extensions.isEmpty()) {
                String url = profile.at("/schemas/" + schemaName).asText();
                JsonNode patch = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                Set<String> described = new TreeSet<>();
                patch.get("properties").fieldNames().forEachRemaining(described::add);
                assertEquals(new TreeSet<>(extensions), described,
                        "the profile describes exactly the extension fields of " + table.key());
                patch.get("properties").forEach(field -> assertTrue(field.hasNonNull("description")
                        && field.hasNonNull("type"), field.toString()));
            }
        }
        assertEquals(404, api.get("/hsds/profile/schema/nope.json").status());
    }

    @Test
    void otherSitesMayReadThePublicDataFromTheBrowser() {
        ApiClient.Response hsds = api.send("GET", "/hsds/services?per_page=1", null, null, "Origin", "https://andere-kaart.be");
        assertEquals(200, hsds.status());
        assertEquals("https://andere-kaart.be", hsds.header("Access-Control-Allow-Origin"));
        assertEquals(null, hsds.header("Access-Control-Allow-Credentials"), "never with the visitor's credentials");
        ApiClient.Response editor = api.send("GET", "/api/v1/editor/changes", null, null, "Origin", "https://andere-kaart.be");
        assertEquals(null, editor.header("Access-Control-Allow-Origin"), "the editors' API stays same-origin");
    }

    @Test
    void whatIsNotPublishedIsNotThere() throws Exception {
        String service;
        String organization;
        try (Connection c = database.open()) {
            service = Sql.scalar(c, "SELECT id FROM service WHERE publication_status = 'published' ORDER BY id LIMIT 1");
            organization = Sql.scalar(c, "SELECT organization_id FROM service WHERE id = '" + service + "'");
            Sql.exec(c, "UPDATE service SET publication_status = 'archived' WHERE id = '" + service + "'");
        }
        try {
            assertEquals(404, api.get("/hsds/services/" + service).status());
            assertFalse(api.get("/hsds/services?per_page=500").body().contains(service));
            assertFalse(api.get("/hsds/organizations/" + organization + "?full_service=true").body().contains(service));
            assertFalse(api.get("/hsds/service_at_locations?per_page=500").body().contains(service));
        } finally {
            try (Connection c = database.open()) {
                Sql.exec(c, "UPDATE service SET publication_status = 'published' WHERE id = '" + service + "'");
            }
        }
        assertEquals(200, api.get("/hsds/services/" + service).status());
    }

    /** Every page of a list, envelope and items validated; returns the items. */
    private List<JsonNode> harvest(String path, JsonSchema itemSchema) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            ApiClient.Response response = api.get(path + separator + "per_page=200&page=" + page);
            assertEquals(200, response.status(), path + " " + response.body());
            JsonNode envelope = response.json();
            record(path + " page " + page, HsdsSchemas.errors(HsdsSchemas.page(), envelope));
            assertTrue(envelope.get("contents").isArray(), path);
            for (JsonNode item : envelope.get("contents")) {
                record(path + " " + item.get("id"), HsdsSchemas.errors(itemSchema, item));
                items.add(item);
            }
            if (envelope.get("last_page").asBoolean()) {
                assertEquals(envelope.get("total_items").asInt(), items.size(), path + ": total_items");
                return items;
            }
        }
    }

    private void check(String path, JsonSchema schema) {
        ApiClient.Response response = api.get(path);
        assertEquals(200, response.status(), path + " " + response.body());
        assertTrue(response.contentType().startsWith("application/json"), path);
        record(path, HsdsSchemas.errors(schema, response.json()));
    }

    private void record(String where, List<String> found) {
        validated++;
        found.forEach(error -> errors.add(where + ": " + error));
    }

    private static Set<String> ids(Iterable<JsonNode> nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static double metres(PostalPlace from, JsonNode location) {
        double lat1 = Math.toRadians(from.latitude());
        double lat2 = Math.toRadians(location.get("latitude").asDouble());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(location.get("longitude").asDouble() - from.longitude());
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_370_986 * Math.asin(Math.sqrt(a)); // the sphere of MariaDB's ST_Distance_Sphere
    }

    /** Rows whose quoted text holds line breaks span several lines. */
    private static long multiLineRecordsExtra(String csv) {
        long extra = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\n' && quoted) {
                extra++;
            }
        }
        return extra;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
