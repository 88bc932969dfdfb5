package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.interop.HsdsImporter;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search over HTTP on a real index on disk, fed from the real MariaDB: the seed data plus the evaluation corpus.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest implements MariaDbTestSupport {

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
    Suggester suggester;
    @Inject
    AnswerCache answers;

    private ApiClient api;

    @BeforeAll
    void loadCorpus() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.load(importer, maintainer, index);
    }

    @Test
    void findsLayWordsThroughSynonyms() {
        JsonNode response = search("q=somber+na+de+bevalling&kind=service&limit=10");
        assertTrue(response.get("total").asInt() > 50);
        for (JsonNode result : response.get("results")) {
            assertTrue(codes(result, "problem").contains("ppd") || codes(result, "problem").contains("antenatal"),
                    result.get("name") + " " + result.get("terms"));
        }
        assertTrue(search("q=MBE&kind=service&limit=5").get("results").get(0).get("terms").get("module").toString()
                .contains("m5"));
    }

    @Test
    void countsMultiSelectFacetsSideways() {
        JsonNode all = search("kind=service&limit=1");
        JsonNode both = search("kind=service&limit=1&problem=ppd&problem=anxiety");
        int ppd = count(all, "problem", "ppd");
        int anxiety = count(all, "problem", "anxiety");
        assertTrue(both.get("total").asInt() >= Math.max(ppd, anxiety), "OR within a dimension");
        assertTrue(both.get("total").asInt() <= ppd + anxiety);
        // the problem facet ignores its own selection, so other problems can still be added
        assertEquals(count(all, "problem", "trauma"), count(both, "problem", "trauma"));
        assertTrue(selected(both, "problem", "ppd"));
        // other dimensions count within the selection
        JsonNode narrowed = search("kind=service&limit=1&problem=ppd&careline=3");
        assertEquals(narrowed.get("total").asInt(), count(search("kind=service&limit=1&problem=ppd"), "careline", "3"));
    }

    /** Totals and facets are counted in a pass of their own: what it counts is exactly what the pages list. */
    @Test
    void countsExactlyWhatThePagesList() {
        for (String query : List.of("q=somber+na+de+bevalling&kind=service", "q=huilbaby&kind=service&problem=ppd",
                "kind=organization", "q=angst&kind=service&postcode=9000&radius_km=30",
                "q=kraambedpsychose", "q=thuisbegeleiding")) {
            JsonNode first = search(query + "&limit=100");
            int total = first.get("total").asInt();
            Set<String> listed = new HashSet<>();
            for (int page = 1; (page - 1) * 100 < total; page++) {
                JsonNode response = page == 1 ? first : search(query + "&limit=100&page=" + page);
                for (JsonNode result : response.get("results")) {
                    assertTrue(listed.add(result.get("kind").asText() + ":" + result.get("id").asText()), query);
                    if (query.contains("kind=")) {
                        assertTrue(query.contains("kind=" + result.get("kind").asText()), query + " " + result);
                    }
                }
            }
            assertTrue(total > 0, query);
            assertEquals(total, listed.size(), query);
            int byKind = 0;
            for (JsonNode facet : first.get("facets").get("kind")) {
                byKind += facet.get("count").asInt();
            }
            assertEquals(total, byKind, query + ": the kind facet adds up to the total");
        }
    }

    @Test
    void pagesInTheSameOrderOnEveryReplicaAndAfterARebuild() throws Exception {
        // Text scores may shift a little when segments and deletions differ (BM25 statistics), so the orders that
        // must survive exactly are the ones where listings tie: browsing without text, by name, by distance.
        List<String> queries = List.of("kind=service", "kind=service&sort=name",
                "kind=service&postcode=9000&radius_km=40&sort=distance");
        List<List<String>> before = new ArrayList<>();
        for (String query : queries) {
            before.add(pagedOrder(query));
        }
        for (String query : List.of("kind=service&limit=100", "q=somber+na+de+bevalling&kind=service&limit=100")) {
            JsonNode results = search(query).get("results");
            for (int i = 1; i < results.size(); i++) {
                JsonNode previous = results.get(i - 1);
                JsonNode current = results.get(i);
                if (previous.get("score").asDouble() == current.get("score").asDouble()) {
                    assertTrue(IndexSchema.uidOrder("service:" + previous.get("id").asText())
                                    < IndexSchema.uidOrder("service:" + current.get("id").asText()),
                            query + ": listings that tie follow their uid's hash, at " + i);
                }
            }
        }
        maintainer.rebuild(); // indexes on every core, so the documents get other doc ids
        for (int i = 0; i < queries.size(); i++) {
            List<String> after = pagedOrder(queries.get(i));
            int first = 0;
            while (first < after.size() && after.get(first).equals(before.get(i).get(first))) {
                first++;
            }
            assertEquals(before.get(i).size(), first, queries.get(i) + ": the order changed at position " + first);
        }
    }

    /** Every result of a query, page by page (25 a page), as kind:id. */
    private List<String> pagedOrder(String query) {
        List<String> order = new ArrayList<>();
        int total = search(query + "&limit=25").get("total").asInt();
        for (int page = 1; (page - 1) * 25 < total; page++) {
            for (JsonNode result : search(query + "&limit=25&page=" + page).get("results")) {
                order.add(result.get("kind").asText() + ":" + result.get("id").asText());
            }
        }
        assertEquals(total, new HashSet<>(order).size(), query + ": no listing twice, none left out");
        return order;
    }

    @Test
    void filtersAndSortsByDistance() {
        JsonNode response = search("kind=service&postcode=9000&radius_km=10&sort=distance&limit=50");
        assertTrue(response.get("total").asInt() > 0);
        double previous = 0;
        for (JsonNode result : response.get("results")) {
            if (!result.has("distance_km")) {
                assertEquals("everywhere", result.get("area").asText(), "only services without a place have no distance");
                continue;
            }
            double km = result.get("distance_km").asDouble();
            assertTrue(km <= 10.05 || result.has("area"), "within the radius, or serving everyone: " + result);
            assertTrue(km >= previous, "nearest first");
            previous = km;
        }
    }

    @Test
    void filtersByRegion() {
        JsonNode response = search("kind=service&province=Limburg&limit=100");
        assertTrue(response.get("total").asInt() > 0);
        for (JsonNode result : response.get("results")) {
            Set<String> provinces = new HashSet<>();
            result.get("places").forEach(p -> provinces.add(p.get("province").asText()));
            assertTrue(provinces.contains("Limburg"), provinces.toString());
        }
        assertEquals(search("kind=service&limit=1&province=limburg").get("total"), response.get("total"),
                "region names are matched without regard to case");
    }

    @Test
    void filtersOnAShortWaitingTime() throws Exception {
        // The seed's example practices report again today: a report ages (kernel.ReportAge), this test must not.
        try (Connection c = database.open()) {
            Sql.exec(c, "UPDATE service SET waiting_reported_on = '" + java.time.LocalDate.now()
                    + "' WHERE waiting_weeks IS NOT NULL");
            Sql.exec(c, "INSERT INTO outbox (entity_type, entity_id, operation) SELECT 'service', id, 'upsert' "
                    + "FROM service WHERE waiting_weeks IS NOT NULL");
        }
        IndexedCorpus.waitUntilIndexed(maintainer, 10_000);
        JsonNode response = search("kind=service&max_waiting_weeks=2&limit=100");
        assertTrue(response.get("total").asInt() > 0, "the seed's example practices report waiting times");
        for (JsonNode result : response.get("results")) {
            assertTrue(result.get("waiting_time").get("weeks").asInt() <= 2, result.toString());
        }
        assertEquals(400, api.get("/api/v1/search?max_waiting_weeks=-1").status());
    }

    @Test
    void readsAPlaceTypedInTheQuery() {
        JsonNode response = search("q=" + encode("depressie zwangerschap Gent") + "&kind=service");
        assertEquals("Gent", response.get("location").get("locality").asText());
        assertTrue(response.get("total").asInt() > 0);
        for (JsonNode result : response.get("results")) {
            assertEquals("Gent", result.get("places").get(0).get("locality").asText());
        }
        JsonNode byPostcode = search("q=" + encode("huilbaby 2000") + "&kind=service");
        assertEquals("2000", byPostcode.get("location").get("postcode").asText());
        byPostcode.get("results").forEach(r -> assertTrue(r.has("area") || r.get("distance_km").asDouble() <= 25.05));
    }

    @Test
    void widensAndSaysSoInsteadOfFindingNothing() {
        // Filters that empty the answer stay applied; the answer says what each one alone would give back.
        JsonNode filtered = search("q=huilbaby&kind=service&problem=psychosis&careline=0&module=m5");
        assertEquals(0, filtered.get("total").asInt(), filtered.toString());
        List<String> parameters = new ArrayList<>();
        filtered.get("empty_filters").forEach(f -> parameters.add(f.get("parameter").asText()));
        assertEquals(java.util.Set.of("problem", "careline", "module"), new java.util.HashSet<>(parameters));
        filtered.get("empty_filters").forEach(f -> assertTrue(f.get("total_without").asInt() >= 0));
        assertTrue(filtered.get("widened").get(0).get("step").asText().startsWith("filter:"));
        assertTrue(filtered.get("widened").get(0).get("message").asText().contains("Zonder de filter"));
        JsonNode oneTooMany = search("q=huilbaby&kind=service&module=m5");
        if (oneTooMany.get("total").asInt() == 0) {
            assertTrue(oneTooMany.get("empty_filters").get(0).get("total_without").asInt() > 0, oneTooMany.toString());
        }
        JsonNode typo = search("q=kraambedpsychoze&kind=service");
        assertTrue(typo.get("total").asInt() > 0, "a typo still finds something");
        assertEquals("kraambedpsychose", typo.get("corrections").get(0).get("to").asText(), typo.toString());
        assertEquals(0, search("q=huilbaby&kind=service").get("widened").size());
    }

    @Test
    void flagsCrisisAndPutsUrgentHelpFirst() {
        JsonNode response = search("q=" + encode("ik denk aan zelfmoord na de bevalling"));
        assertTrue(response.get("crisis").asBoolean());
        assertTrue(response.get("crisis_message").asText().contains("1813"));
        assertEquals("helpline", response.get("results").get(0).get("terms").get("organization_type").get(0)
                .get("code").asText());
        assertFalse(search("q=huilbaby").get("crisis").asBoolean());
    }

    /**
     * Ranking runs in two phases (every match by a cheap score, then a window of the best by the full query): pages
     * read one after the other are the same listings, in the same order, as one long page, and the total is exact.
     */
    @Test
    void pagesOfATwoPhaseRankingAddUpToOneLongPage() {
        for (String q : List.of("q=" + encode("somber na de bevalling"), "q=" + encode("postnatale depressie")
                + "&postcode=9000&radius_km=25", "q=" + encode("hulp voor papa"))) {
            JsonNode whole = search(q + "&kind=service&limit=30");
            List<String> paged = new java.util.ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                JsonNode part = search(q + "&kind=service&limit=10&page=" + page);
                assertEquals(whole.get("total").asLong(), part.get("total").asLong(), q);
                part.get("results").forEach(r -> paged.add(r.get("id").asText()));
            }
            List<String> once = new java.util.ArrayList<>();
            whole.get("results").forEach(r -> once.add(r.get("id").asText()));
            assertEquals(once, paged, q);
            assertTrue(once.size() > 10, q + " has more than one page in the seed: " + once.size());
        }
    }

    @Test
    void nearAPlaceCloseServicesComeFirstAndServicesForEveryoneAreIncludedAndMarked() {
        JsonNode near = search("q=" + encode("postnatale depressie") + "&kind=service&postcode=9000&radius_km=25&limit=50");
        double previousInside = -1;
        boolean sawOutside = false;
        for (JsonNode result : near.get("results")) {
            if (!codes(result, "problem").contains("ppd")) {
                continue; // the order of place over reach holds among the services that answer the need
            }
            if (result.has("distance_km") && result.get("distance_km").asDouble() <= 25.05) {
                assertFalse(sawOutside, "services in the place come before those that serve from elsewhere");
                previousInside = result.get("distance_km").asDouble();
            } else {
                sawOutside = true;
                assertTrue(result.has("area"), "a service outside the radius is there because it serves everyone: "
                        + result);
            }
        }
        assertTrue(previousInside >= 0, near.toString());
        assertTrue(sawOutside, "helplines and online services that serve the place are included");
        JsonNode sorted = search("q=" + encode("postnatale depressie") + "&kind=service&postcode=9000&radius_km=25"
                + "&sort=distance&limit=20");
        double last = 0;
        for (JsonNode result : sorted.get("results")) {
            if (result.has("distance_km")) {
                assertTrue(result.get("distance_km").asDouble() >= last, sorted.toString());
                last = result.get("distance_km").asDouble();
            }
        }
    }

    @Test
    void belgianPlacesInDutchAndFrenchAndEerstelijnszonesOnRealData() throws Exception {
        for (String place : List.of("Brussel", "Bruxelles", "Elsene", "Ixelles", "Luik", "Liège", "Bergen")) {
            ApiClient.Response response = api.get("/api/v1/search?kind=service&radius_km=50&near="
                    + encode(place));
            assertEquals(200, response.status(), place + ": " + response.body());
        }
        String zone;
        try (Connection c = database.open()) {
            assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM address WHERE postal_code LIKE '9%' "
                    + "AND eerstelijnszone IS NULL"), "every Flemish address has its zone");
            zone = Sql.scalar(c, "SELECT eerstelijnszone FROM address WHERE postal_code = '9000' LIMIT 1");
        }
        assertEquals("Gent", zone);
        JsonNode inZone = search("kind=service&limit=100&eerstelijnszone=" + encode(zone));
        assertTrue(inZone.get("total").asInt() > 0);
        assertTrue(inZone.get("total").asInt() < search("kind=service&limit=1").get("total").asInt(),
                "the zone filter keeps to the zone");
        for (JsonNode result : inZone.get("results")) {
            assertTrue(result.get("places").toString().contains("\"postal_code\":\"90"), result.toString());
        }
    }

    @Test
    void parentsGetFirstLineHelpFirstAndProfessionalOnlyServicesLast() {
        JsonNode parents = search("q=" + encode("somber na de bevalling") + "&kind=service&audience=parents&limit=60");
        JsonNode first = parents.get("results").get(0);
        assertTrue(codes(first, "careline").contains("0") || codes(first, "careline").contains("1"), first.toString());
        boolean sawProfessionalOnly = false;
        for (JsonNode result : parents.get("results")) {
            boolean professionalOnly = codes(result, "target_group").equals(Set.of("professionals"));
            if (sawProfessionalOnly && !professionalOnly && codes(result, "problem").contains("ppd")) {
                throw new AssertionError("a service for parents after a professionals-only one: " + result);
            }
            sawProfessionalOnly |= professionalOnly;
        }
        assertEquals(400, api.get("/api/v1/search?q=x&audience=iedereen").status());
    }

    @Test
    void aCrisisAnswerCarriesAllUrgentHelpInOrderWhateverTheFiltersPlaceOrPageSize() {
        List<String> expected = List.of("112", "1813", "106", "102", "1733", "Kind en Gezin-lijn", "crisisteam",
                "Crisishulp");
        for (String query : List.of("q=" + encode("ik wil er niet meer zijn"),
                "q=" + encode("bang dat ik mijn baby iets aandoe") + "&limit=1",
                "q=" + encode("ik hoor stemmen") + "&postcode=9000&radius_km=5&language=fr")) {
            JsonNode response = search(query);
            assertTrue(response.get("crisis").asBoolean(), query);
            JsonNode urgent = response.get("urgent_help");
            assertEquals(expected.size(), urgent.size(), urgent.toString());
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(urgent.get(i).get("name").asText().contains(expected.get(i)), i + ": " + urgent);
            }
        }
        JsonNode first = search("q=" + encode("ik wil dood") + "&limit=1");
        assertTrue(first.get("results").get(0).get("name").asText().contains("112"), first.toString());
        assertFalse(search("q=" + encode("postpartumpsychose opname")).get("crisis").asBoolean(),
                "a professional's question about psychosis is no crisis");
        assertTrue(search("q=" + encode("postpartumpsychose opname")).path("urgent_help").isMissingNode());
    }

    @Test
    void highlightsSnippetsEscaped() {
        JsonNode result = search("q=postpartumdepressie&kind=service&limit=1").get("results").get(0);
        assertTrue(result.get("snippet").asText().contains("<mark>"), result.toString());
    }

    @Test
    void answersBadInputWithProblemsAndOddTextSafely() {
        assertEquals(400, api.get("/api/v1/search?q=" + "a".repeat(500)).status());
        assertEquals(400, api.get("/api/v1/search?postcode=9000&radius_km=9999").status());
        assertEquals(400, api.get("/api/v1/search?postcode=0000").status());
        assertEquals(400, api.get("/api/v1/search?radius_km=5").status());
        assertEquals(400, api.get("/api/v1/search?problem=not-a-problem").status());
        assertEquals(400, api.get("/api/v1/search?kind=spaceship").status());
        assertEquals(400, api.get("/api/v1/search?lat=95&lon=4").status());
        ApiClient.Response problem = api.get("/api/v1/search?problem=not-a-problem");
        assertTrue(problem.contentType().startsWith("application/problem+json"));
        assertEquals("problem", problem.json().get("invalid_params").get(0).get("name").asText());
        for (String odd : new String[]{"AND OR ((", "\"unclosed", "field:value~2 *", "<script>alert(1)</script>", "%%%"}) {
            assertEquals(200, api.get("/api/v1/search?q=" + encode(odd)).status(), odd);
        }
    }

    @Test
    void suggestsFromNamesLabelsAndLayWords() {
        JsonNode suggestions = api.get("/api/v1/suggest?q=huilb").json();
        boolean found = false;
        for (JsonNode s : suggestions) {
            found |= s.get("text").asText().toLowerCase().startsWith("huilbaby");
        }
        assertTrue(found, suggestions.toString());
        assertEquals(0, api.get("/api/v1/suggest?q=h").json().size());
    }

    /** Autocomplete answers from the index: names of public listings, and only terms some public listing carries. */
    @Test
    void suggestsOnlyWhatTheIndexHolds() throws Exception {
        String organization;
        String uncarried;
        try (Connection c = database.open()) {
            organization = Sql.scalar(c, "SELECT name FROM public_organization WHERE CHAR_LENGTH(name) > 12 "
                    + "ORDER BY id LIMIT 1");
            Sql.exec(c, "INSERT INTO taxonomy_term (id, taxonomy_id, code, name, description) SELECT 'suggest-uncarried', "
                    + "t.taxonomy_id, 'uncarried', 'Kwartelkoningzorg', '' FROM taxonomy_term t JOIN taxonomy x "
                    + "ON x.id = t.taxonomy_id WHERE x.name = 'nestkaart-problem' LIMIT 1");
            uncarried = "Kwartelkoningzorg";
        }
        maintainer.requeueDated(); // any outbox row: the suggester learns the index changed
        IndexedCorpus.waitUntilIndexed(maintainer, 10_000);
        suggester.rebuild();
        JsonNode byName = api.get("/api/v1/suggest?q=" + java.net.URLEncoder.encode(organization,
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertTrue(byName.toString().contains("\"text\":\"" + organization + "\",\"type\":\"organization\""),
                byName.toString());
        JsonNode byTerm = api.get("/api/v1/suggest?q=postpartum").json();
        assertTrue(byTerm.toString().contains("\"type\":\"term\""), byTerm.toString());
        assertEquals(0, api.get("/api/v1/suggest?q=kwartelkoning").json().size(), uncarried + " has no listing");
    }

    @Test
    void makesACommittedChangeSearchableWithinASecond() throws Exception {
        String id = UUID.randomUUID().toString();
        // The same request again is answered from the cache, which a change in the index makes stale at once.
        assertEquals(0, search("q=zeldzaamwoordgroep").get("total").asInt());
        long hits = answers.hits();
        assertEquals(0, search("q=zeldzaamwoordgroep").get("total").asInt());
        assertEquals(hits + 1, answers.hits(), "an identical request is answered from the cache");
        String metrics = api.get("/prometheus").body();
        java.util.regex.Matcher published = java.util.regex.Pattern
                .compile("(?m)^nestkaart_search_answer_cache_hits_total(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertTrue(published.find(), "operations see the cache's hits");
        assertTrue(Double.parseDouble(published.group(1)) >= hits + 1, published.group());
        assertTrue(metrics.contains("nestkaart_search_answer_cache_misses_total"), "and its misses");
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            String organization = Sql.scalar(c, "SELECT id FROM organization ORDER BY id LIMIT 1");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO service (id, organization_id, name, "
                    + "description, status, publication_status, created_at, updated_at) VALUES (?, ?, 'Zeldzaamwoordgroep', "
                    + "'Test van de versheid', 'active', 'published', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")) {
                insert.setString(1, id);
                insert.setString(2, organization);
                insert.executeUpdate();
            }
            try (PreparedStatement outbox = c.prepareStatement(
                    "INSERT INTO outbox (entity_type, entity_id, operation) VALUES ('service', ?, 'upsert')")) {
                outbox.setString(1, id);
                outbox.executeUpdate();
            }
            c.commit();
        }
        long committed = System.nanoTime();
        IndexedCorpus.waitUntil(() -> search("q=zeldzaamwoordgroep").get("total").asInt() == 1, 1_000, "searchable within 1 s");
        assertTrue((System.nanoTime() - committed) / 1_000_000 <= 1_000);
    }

    @Test
    void recordsSearchesForTheKeywordResearchLoop() throws Exception {
        search("q=" + encode("woord dat niemand kent xyzzy"));
        assertEquals(401, api.get("/api/v1/editor/search-stats").status(), "closed without an account");
        assertEquals(401, api.get("/api/v1/editor/search-stats", "Bearer wrong-token-of-some-length").status());
        TestAccounts.create(server.getApplicationContext(), "stats-editor@example.org", "editor", null);
        String editor = TestAccounts.bearer(api, "stats-editor@example.org");
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/editor/search-stats", editor).json()
                .get("zero_result_queries").toString().contains("xyzzy"), 5_000, "the zero-result query is listed");
    }

    private JsonNode search(String query) {
        ApiClient.Response response = api.get("/api/v1/search?" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static Set<String> codes(JsonNode result, String dimension) {
        Set<String> codes = new HashSet<>();
        result.path("terms").path(dimension).forEach(t -> codes.add(t.get("code").asText()));
        return codes;
    }

    private static int count(JsonNode response, String dimension, String value) {
        for (JsonNode facet : response.get("facets").get(dimension)) {
            if (facet.get("value").asText().equals(value)) {
                return facet.get("count").asInt();
            }
        }
        return 0;
    }

    private static boolean selected(JsonNode response, String dimension, String value) {
        for (JsonNode facet : response.get("facets").get(dimension)) {
            if (facet.get("value").asText().equals(value)) {
                return facet.get("selected").asBoolean();
            }
        }
        return false;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
