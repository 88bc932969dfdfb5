package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Information pages through the API: written by one editor and published by another, shown sanitised whatever was
 * written, found by the need they carry, never among a search's results, one page per address, gone when archived.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationPagesTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    ApiClient api;
    String anna;
    String bert;
    String fertility;

    @BeforeAll
    void accounts() throws Exception {
        api = new ApiClient(server.getURL());
        TestAccounts.create(server.getApplicationContext(), "anna@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "bert@venpmg.be", "editor", null);
        anna = TestAccounts.bearer(api, "anna@venpmg.be");
        bert = TestAccounts.bearer(api, "bert@venpmg.be");
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
        // The seed's pages reach the index through the outbox shortly after start.
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=huilbaby").body().contains("baby-huilt-veel"), 30_000,
                "the seed's information pages in the index");
        try (Connection c = database.open()) {
            fertility = Sql.scalar(c, "SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id "
                    + "WHERE x.name = 'nestkaart-problem' AND t.code = 'fertility'");
        }
    }

    @Test
    void aPageIsShownSanitisedFoundByItsNeedAndNeverAmongTheResults() throws Exception {
        String hostile = """
                Als zwanger worden niet lukt.

                <script>alert('x')</script><img src=x onerror="alert(1)">
                [klik](javascript:alert(2)) <a href="javascript:alert(3)" onclick="alert(4)">hier</a>
                <iframe src="https://example.org"></iframe>

                ## Waar vind je hulp?

                Praat met je [huisarts](https://www.example.org/huisarts).
                """;
        String id = publish(Map.of("slug", "kinderwens", "title", "Als zwanger worden niet lukt",
                "summary", "Een onvervulde kinderwens weegt zwaar.", "body", hostile, "search_text", "kinderwens",
                "taxonomy_term_ids", List.of(fertility)));

        String whole = api.get("/informatie/kinderwens").body();
        String html = whole.substring(whole.indexOf("class=\"page-body\""), whole.indexOf("class=\"search-link\""));
        String apiHtml = api.get("/api/v1/pages/kinderwens").json().get("html").asText();
        for (String page : List.of(html, apiHtml)) {
            for (String forbidden : List.of("<script>alert", "onerror", "javascript:", "onclick", "<iframe", "<img")) {
                assertFalse(page.contains(forbidden), forbidden + " reached the page");
            }
        }
        assertTrue(apiHtml.contains("<h2>Waar vind je hulp?</h2>"), apiHtml);
        assertTrue(apiHtml.contains("href=\"https://www.example.org/huisarts\""), apiHtml);

        IndexedCorpus.waitUntil(() -> slugs(api.get("/api/v1/search?q=zwanger%20worden%20lukt%20maar%20niet").json())
                .contains("kinderwens"), 10_000, "the page is indexed and its need recognised");
        for (String query : List.of("kinderwens", "zwanger", "somber", "", "huilbaby", "als zwanger worden niet lukt")) {
            JsonNode answer = api.get("/api/v1/search?limit=100&q=" + query.replace(" ", "%20")).json();
            answer.get("results").forEach(r -> assertFalse(r.get("kind").asText().equals("page"), query));
            answer.get("facets").path("kind").forEach(v -> assertFalse(v.get("value").asText().equals("page"), query));
        }
        assertEquals(400, api.get("/api/v1/search?kind=page&q=kinderwens").status());

        ApiClient.Response twice = api.post("/api/v1/editor/listings/page", anna, Map.of("reason", "Nog een",
                "fields", Map.of("slug", "kinderwens", "title", "Dubbel", "summary", "Dubbel", "body", "Dubbel")));
        assertEquals(400, twice.status(), twice.body());
        assertTrue(twice.body().contains("slug"), twice.body());
        ApiClient.Response badSlug = api.post("/api/v1/editor/listings/page", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("slug", "Kinder Wens!", "title", "T", "summary", "S", "body", "B")));
        assertEquals(400, badSlug.status(), badSlug.body());

        assertEquals(200, api.post("/api/v1/editor/listings/page/" + id + "/archive", anna,
                Map.of("reason", "Vervangen")).status());
        assertEquals(404, api.get("/informatie/kinderwens").status());
        IndexedCorpus.waitUntil(() -> !slugs(api.get("/api/v1/search?q=kinderwens").json()).contains("kinderwens"),
                10_000, "an archived page leaves the search");
    }

    @Test
    void theSeedPagesAnswerTheNeedsTheyAreAbout() throws Exception {
        Map<String, String> needs = Map.of(
                "ik voel me zo leeg sinds mijn bevalling", "somber-of-angstig-na-de-bevalling",
                "heel bang en gespannen nu ik zwanger ben", "somber-of-angstig-tijdens-de-zwangerschap",
                "onze baby weent de hele avond", "baby-huilt-veel",
                "nachtmerries over de keizersnede", "moeilijke-bevalling",
                "ons kindje is doodgeboren", "je-baby-verliezen",
                "ik ben op als mama", "uitgeput-als-ouder",
                "mijn vrouw is verward na de bevalling en hoort stemmen", "psychose-na-de-bevalling",
                "ik rook cannabis en ben zwanger", "alcohol-en-drugs",
                "ik voel geen band met mijn baby", "contact-met-je-baby",
                "hulp voor een vader", "voor-partners-en-vaders");
        needs.forEach((query, slug) -> {
            JsonNode answer = api.get("/api/v1/search?q=" + query.replace(" ", "%20")).json();
            assertTrue(slugs(answer).contains(slug), query + " → " + slugs(answer));
        });
    }

    private String publish(Map<String, Object> fields) {
        JsonNode draft = api.post("/api/v1/editor/listings/page", anna, Map.of("reason", "Nieuwe pagina",
                "fields", fields)).json();
        long change = draft.get("id").asLong();
        assertEquals(200, api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()).status());
        ApiClient.Response approved = api.approve(change, bert, null);
        assertEquals(200, approved.status(), approved.body());
        return draft.get("entity_id").asText();
    }

    private static List<String> slugs(JsonNode answer) {
        List<String> slugs = new java.util.ArrayList<>();
        answer.get("information").forEach(i -> slugs.add(i.get("slug").asText()));
        return slugs;
    }
}
