package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.TestAccounts;
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
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How search understands what people type, one mechanism per test, on the evaluation corpus: concepts on normalised
 * forms, compounds split on the query side (and not where a split changes the meaning), per-word spelling correction
 * that leaves valid Dutch alone, places with their signals, the query's own language, ranking on the facts, and the
 * editors' search words going live through the review.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchUnderstandingTest implements MariaDbTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    HsdsImporter importer;
    @Inject
    SearchIndex index;
    @Inject
    IndexMaintainer maintainer;
    @Inject
    Database database;
    @Inject
    IndexConfigHolder config;

    private ApiClient api;

    @BeforeAll
    void loadCorpus() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.load(importer, maintainer, index);
    }

    @Test
    void inflectionsMeetTheirConcept() {
        // Written once in concepts.txt ("verslaving", "depressief"); typed in other forms.
        assertTrue(understood("verslavingen tijdens de zwangerschap").contains("problem:substance"));
        assertTrue(understood("depressieve gevoelens na de bevalling").contains("problem:ppd"));
        assertTrue(understood("rouwverwerking na een miskraam").contains("problem:loss"));
        everyResultHas(search("verslavingen tijdens de zwangerschap"), "problem", "substance");
    }

    @Test
    void aSynonymGraphWithAStopWordHoleStillAnswers() {
        // Found by the holdout set: a multi-word synonym ("zwanger worden") whose alternatives lose stop words.
        JsonNode response = search("zwanger worden lukt al lang niet");
        everyResultHas(response, "problem", "fertility");
    }

    @Test
    void stopWordsKeepTheirMeaningInConcepts() {
        assertTrue(understood("ik ben op").contains("problem:burnout"));
        assertTrue(understood("alles is te veel sinds de geboorte").contains("problem:burnout"));
        assertTrue(understood("zwanger en geen netwerk").contains("problem:vulnerable"));
    }

    @Test
    void pluralAbbreviationsAreRecognised() {
        assertTrue(understood("CGG's met perinatale werking").contains("organization_type:cgg"));
        assertTrue(understood("C.G.G.").contains("organization_type:cgg"));
    }

    @Test
    void unknownCompoundsAreSplitOnTheQuerySide() {
        JsonNode huil = search("huilbabies");
        assertTrue(concepts(huil).contains("problem:regulation"), huil.toString());
        assertNull(huil.get("corrections"), "a compound of known parts is not a typo");
        everyResultHas(huil, "problem", "regulation");
        assertTrue(understood("kraambedpsychoses").contains("problem:psychosis"));
        assertTrue(understood("zwangerschapsangst").contains("problem:anxiety"));
    }

    @Test
    void aSplitThatChangesTheMeaningIsRefused() {
        // Index side: "kinderwens" is not indexed as "kind"/"kinder", so "kinderen" does not find a wish for a child.
        List<String> parts = SearchService.words(config.current().indexAnalyzer(), "kinderwens dagbehandeling kraamzorg");
        assertFalse(parts.contains("kind") || parts.contains("kinder") || parts.contains("dag") || parts.contains("zorg"),
                parts.toString());
        // Query side: a word the vocabulary knows whole is never split.
        List<String> wish = understood("kinderwens");
        assertTrue(wish.contains("problem:fertility"), wish.toString());
        assertFalse(wish.stream().anyMatch(c -> c.startsWith("target_group") || c.startsWith("problem:regulation")),
                wish.toString());
    }

    @Test
    void aMisspeltWordBesideAValidOneIsCorrected() {
        JsonNode response = search("postpartumdepresie hulp");
        assertEquals("postpartumdepressie", response.get("corrections").get(0).get("to").asText(), response.toString());
        assertEquals("postpartumdepresie", response.get("corrections").get(0).get("from").asText());
        assertTrue(concepts(response).contains("problem:ppd"));
        everyResultHas(response, "problem", "ppd");
        JsonNode two = search("somber na de bevaling");
        assertEquals("bevalling", two.get("corrections").get(0).get("to").asText());
    }

    @Test
    void validDutchIsNeverCorrected() {
        for (String text : List.of("ik ween en ben triestig", "ambetant en moe", "wenen na de bevalling",
                "onze kleine slaapt slecht", "zwangerschapsyoga", "werken en zwanger")) {
            assertNull(search(text).get("corrections"), text);
        }
    }

    @Test
    void ordinaryWordsAreNoPlaceWithoutASignal() {
        assertNull(search("meer hulp bij angst").get("location"));
        assertNull(search("werken met een huilbaby").get("location"));
        JsonNode signalled = search("angst hulp in Meer");
        assertEquals("Meer", signalled.get("location").get("locality").asText(), signalled.toString());
        assertEquals("Gent", search("depressie zwangerschap Gent").get("location").get("locality").asText());
        assertEquals("Tienen", search("bang voor de bevalling Tienen").get("location").get("locality").asText(),
                "'voor de' is no Voorde");
    }

    @Test
    void regioSearchesAroundThePlace() {
        JsonNode response = search("miskraam regio Hasselt");
        assertEquals("3500", response.get("location").get("postcode").asText(), response.toString());
        assertTrue(response.get("total").asInt() > 0);
        for (JsonNode result : response.get("results")) {
            assertTrue(result.has("area") || result.get("distance_km").asDouble() <= 25.05, result.toString());
        }
        assertTrue(concepts(response).contains("problem:loss"));
    }

    @Test
    void aProvinceInTheTextKeepsToTheProvince() {
        JsonNode response = search("bevallingstrauma in Limburg");
        assertEquals("Limburg", response.get("location").get("province").asText(), response.toString());
        assertTrue(response.get("total").asInt() > 0);
        everyResultHas(response, "problem", "trauma");
        JsonNode named = search("psychose na bevalling provincie Antwerpen");
        assertEquals("Antwerpen", named.get("location").get("province").asText());
        assertEquals("Antwerpen", search("huilbaby in Antwerpen").get("location").get("locality").asText(),
                "without 'provincie' the city is meant");
    }

    @Test
    void aFilterThatEmptiesTheAnswerKeepsThePlaceAndIsNamed() {
        JsonNode response = search("huilbaby regio Hasselt", "module=m5&careline=0");
        assertEquals("3500", response.get("location").get("postcode").asText(), response.toString());
        assertEquals(0, response.get("total").asInt(), "the filters stay applied");
        List<String> named = new ArrayList<>();
        response.get("empty_filters").forEach(f -> named.add(f.get("parameter").asText()));
        assertEquals(java.util.Set.of("module", "careline"), new java.util.HashSet<>(named));
        JsonNode near = search("huilbaby regio Hasselt");
        assertTrue(near.get("total").asInt() > 0);
        assertEquals(0, near.get("widened").size(), "nothing is widened when the place has answers");
        for (JsonNode result : near.get("results")) {
            assertTrue(result.has("area") || result.get("distance_km").asDouble() <= 25.05, "the place stays: " + result);
        }
    }

    @Test
    void conceptRankingBeatsGenericWords() {
        // Every word but one occurs in hundreds of listings (babymassage, kraamzorg, zwangerschapsyoga …).
        JsonNode response = search("hulp voor moeder en baby zwanger bang");
        assertTrue(concepts(response).contains("problem:anxiety"), response.toString());
        everyResultHas(response, "problem", "anxiety");
        JsonNode crying = search("mijn baby blijft maar wenen");
        everyResultHas(crying, "problem", "regulation");
    }

    @Test
    void theQuerysOwnLanguageAsksForCareInIt() {
        JsonNode english = search("help with postpartum depression");
        assertTrue(concepts(english).contains("language:en"), english.toString());
        assertTrue(concepts(english).contains("problem:ppd"));
        assertTrue(codes(english.get("results").get(0), "language").contains("en"), english.get("results").get(0).toString());
        JsonNode french = search("aide après une fausse couche");
        assertTrue(concepts(french).containsAll(List.of("language:fr", "problem:loss")), french.toString());
        JsonNode asked = search("depressie na de bevalling in het Arabisch");
        assertTrue(concepts(asked).contains("language:ar"));
        assertTrue(codes(asked.get("results").get(0), "language").contains("ar"));
    }

    @Test
    void anEditorsSearchWordWorksWithinSecondsOfItsReview() throws Exception {
        TestAccounts.create(server.getApplicationContext(), "woorden-a@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "woorden-b@venpmg.be", "editor", null);
        String anna = TestAccounts.bearer(api, "woorden-a@venpmg.be");
        String bert = TestAccounts.bearer(api, "woorden-b@venpmg.be");
        String phrase = "kraamkribbel";
        assertFalse(understood(phrase).contains("problem:ppd"));
        String term = termId("nestkaart-problem", "ppd");

        ApiClient.Response draft = api.post("/api/v1/editor/listings/search_term", anna, Map.of(
                "reason", "Zoekwoord uit de zoekstatistiek", "fields", Map.of("phrase", phrase, "taxonomy_term_id", term)));
        assertEquals(201, draft.status(), draft.body());
        long change = draft.json().get("id").asLong();
        assertEquals(200, api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()).status());
        assertEquals(403, api.approve(change, anna, null).status(),
                "four eyes: the author cannot publish");
        assertFalse(understood(phrase).contains("problem:ppd"), "not live before it is published");
        assertEquals(200, api.approve(change, bert, null).status());

        long published = System.nanoTime();
        IndexedCorpus.waitUntil(() -> understood(phrase).contains("problem:ppd"), 5_000, "search word live");
        System.out.printf("search word live %d ms after publication%n", (System.nanoTime() - published) / 1_000_000);
        everyResultHas(search(phrase), "problem", "ppd");

        String id = draft.json().get("entity_id").asText();
        JsonNode history = api.get("/api/v1/editor/listings/search_term/" + id, anna).json().get("history");
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").asText()));
        assertTrue(actions.containsAll(List.of("draft_created", "submitted_for_review", "published")), actions.toString());

        assertEquals(200, api.post("/api/v1/editor/listings/search_term/" + id + "/archive", bert,
                Map.of("reason", "Te weinig gebruikt")).status());
        IndexedCorpus.waitUntil(() -> !understood(phrase).contains("problem:ppd"), 5_000, "retired search word gone");
    }

    @Test
    void aFormerNameOfTheProviderFindsItsServices() throws Exception {
        String organization;
        try (Connection c = database.open()) {
            organization = be.venpmg.nestkaart.Sql.scalar(c, "SELECT organization_id FROM service "
                    + "WHERE publication_status = 'published' ORDER BY id LIMIT 1");
            try (var update = c.prepareStatement("UPDATE organization SET alternate_name = 'Vroegere Kwartelhoeve' "
                    + "WHERE id = ?"); var outbox = c.prepareStatement("INSERT INTO outbox (entity_type, entity_id, "
                    + "operation) VALUES ('organization', ?, 'upsert')")) {
                update.setString(1, organization);
                update.executeUpdate();
                outbox.setString(1, organization);
                outbox.executeUpdate();
            }
        }
        IndexedCorpus.waitUntilIndexed(maintainer, 5_000);
        JsonNode response = search("kwartelhoeve");
        assertTrue(response.get("results").size() > 0, response.toString());
        for (JsonNode result : response.get("results")) {
            assertEquals(organization, result.get("organization").get("id").asText());
        }
    }

    @Test
    void searchWordsRequireAnEditor() {
        assertEquals(401, api.post("/api/v1/editor/listings/search_term", null, Map.of("reason", "x",
                "fields", Map.of("phrase", "x", "taxonomy_term_id", "x"))).status());
    }

    private String termId(String taxonomy, String code) throws Exception {
        try (Connection c = database.open(); var s = c.prepareStatement("SELECT t.id FROM taxonomy_term t "
                + "JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.name = ? AND t.code = ? ORDER BY t.id LIMIT 1")) {
            s.setString(1, taxonomy);
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private List<String> understood(String text) {
        return concepts(search(text));
    }

    private static List<String> concepts(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("understood").forEach(u -> ids.add(u.get("dimension").asText() + ":" + u.get("code").asText()));
        return ids;
    }

    private static void everyResultHas(JsonNode response, String dimension, String code) {
        assertTrue(response.get("results").size() > 0, response.toString());
        for (JsonNode result : response.get("results")) {
            assertTrue(codes(result, dimension).contains(code), result.get("name") + " " + result.get("terms"));
        }
    }

    private static List<String> codes(JsonNode result, String dimension) {
        List<String> codes = new ArrayList<>();
        if (dimension.equals("language")) {
            result.path("languages").forEach(l -> codes.add(l.isTextual() ? l.asText() : l.path("code").asText()));
            return codes;
        }
        result.path("terms").path(dimension).forEach(t -> codes.add(t.get("code").asText()));
        return codes;
    }

    private JsonNode search(String text) {
        return search(text, "");
    }

    private JsonNode search(String text, String more) {
        ApiClient.Response response = api.get("/api/v1/search?kind=service&limit=10&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + (more.isEmpty() ? "" : "&" + more));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
