package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
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
 * Links out and branding: a listing links to its entry in the sociale kaart once an editor records its identifier
 * (through review); the site's name, logo, network and contact come from configuration, escaped, on the rendered
 * pages and the static ones alike, with the privacy statement in every footer.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.site.name", value = "Wiegwijzer <b>& Co</b>")
@Property(name = "nestkaart.site.logo", value = "/static/favicon.svg")
@Property(name = "nestkaart.site.contact-email", value = "contact@wiegwijzer.example")
@Property(name = "nestkaart.sociale-kaart.url-template", value = "https://sociale-kaart.example/fiche/{id}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrandingTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
    }

    @Test
    void aListingLinksToItsSocialeKaartEntryOnceAnEditorRecordsIt() throws Exception {
        TestAccounts.create(server.getApplicationContext(), "anna@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "bert@venpmg.be", "editor", null);
        String anna = TestAccounts.bearer(api, "anna@venpmg.be");
        String bert = TestAccounts.bearer(api, "bert@venpmg.be");
        String service;
        try (Connection c = database.open()) {
            service = Sql.scalar(c, "SELECT MIN(id) FROM service WHERE publication_status = 'published'");
        }
        assertFalse(detailPage(service).contains("sociale-kaart.example"));
        JsonNode draft = api.post("/api/v1/editor/listings/service/" + service + "/changes", anna,
                Map.of("reason", "Fiche in de sociale kaart gevonden", "fields", Map.of("sociale_kaart_id", "SK 4711"))).json();
        long change = draft.get("id").asLong();
        assertEquals(200, api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()).status());
        assertEquals(200, api.approve(change, bert, null).status());
        String page = detailPage(service);
        assertTrue(page.contains("href=\"https://sociale-kaart.example/fiche/SK+4711\""), page);
        assertTrue(page.contains("Deze fiche in de Vlaamse sociale kaart"));
    }

    /** The service's page, at the address its short one redirects to. */
    private String detailPage(String service) {
        ApiClient.Response response = api.get("/aanbod/" + service);
        return response.status() / 100 == 3 ? api.get(response.header("Location")).body() : response.body();
    }

    @Test
    void everyPageCarriesTheConfiguredNameLogoContactAndPrivacyStatement() {
        for (String path : List.of("/", "/opleidingen", "/kortelijst", "/voor-ouders", "/informatie", "/verwijshulp",
                "/privacy", "/aanbod/bestaat-niet")) {
            ApiClient.Response response = api.get(path);
            String html = response.body();
            assertTrue(html.contains("Wiegwijzer &lt;b&gt;&amp; Co&lt;/b&gt;"), path + " names the site, escaped");
            assertFalse(html.contains("<b>& Co</b>"), path + " never inserts the configured name as HTML");
            assertTrue(html.contains("class=\"brand-logo\""), path + " shows the logo");
            assertTrue(html.contains("href=\"/privacy\""), path + " links the privacy statement");
            assertTrue(html.contains("mailto:contact@wiegwijzer.example"), path + " gives the contact");
        }
        String privacy = api.get("/privacy").body();
        assertTrue(privacy.contains("geen IP-adres"), "the statement says what the search log keeps");
    }
}
