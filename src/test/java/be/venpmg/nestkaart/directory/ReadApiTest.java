package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read API over HTTP, on the seed data the service loads into an empty database. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(server.getURL());
    }

    @Test
    void listsSeedServicesPageByPage() {
        ApiClient.Response response = api.get("/api/v1/services?limit=5");
        assertEquals(200, response.status());
        JsonNode page = response.json();
        assertEquals(5, page.get("items").size());
        assertTrue(page.get("total").asInt() >= 60, "seed has at least 60 services");
        assertEquals(1, page.get("page").asInt());

        JsonNode second = api.get("/api/v1/services?limit=5&page=2").json();
        List<String> firstIds = ids(page.get("items"));
        ids(second.get("items")).forEach(id -> assertFalse(firstIds.contains(id), "pages do not overlap"));
    }

    @Test
    void showsAServiceWithEverythingNeededToMakeContact() {
        String id = idByName("/api/v1/services?limit=100", "Moeder-baby-opname");
        JsonNode service = api.get("/api/v1/services/" + id).json();
        assertTrue(service.get("organization").get("name").asText().contains("Moeder"));
        JsonNode location = service.get("locations").get(0);
        assertTrue(location.get("latitude").asDouble() > 50.5, "coordinates resolved from the postal code");
        assertEquals("postal_code", location.get("coordinates_source").asText());
        assertEquals("m5", service.get("terms").get("nestkaart-module").get(0).get("code").asText());
        assertEquals("3", service.get("terms").get("nestkaart-careline").get(0).get("code").asText());
        assertEquals("remgeld", service.get("cost_options").get(0).get("reimbursement").asText());
        assertTrue(service.get("referral_required").asBoolean());
    }

    @Test
    void showsAnOrganizationWithItsServices() {
        String id = idByName("/api/v1/organizations?limit=100", "C.G.G. Kempen");
        JsonNode organization = api.get("/api/v1/organizations/" + id).json();
        assertEquals(2, organization.get("locations").size(), "Turnhout and Geel");
        assertEquals(4, organization.get("services").size());
        assertEquals("cgg", organization.get("terms").get("nestkaart-organization-type").get(0).get("code").asText());
    }

    @Test
    void showsOnlyProfessionalsWhoConsented() {
        JsonNode page = api.get("/api/v1/professionals?limit=100").json();
        assertEquals(6, page.get("total").asInt());
        for (JsonNode professional : page.get("items")) {
            assertFalse(professional.get("family_name").asText().equals("Zonderinstemming"));
            assertTrue(professional.get("description").asText().contains("Fictief"));
        }
        JsonNode one = page.get("items").get(0);
        assertEquals(one.get("id"), api.get("/api/v1/professionals/" + one.get("id").asText()).json().get("id"));
    }

    @Test
    void hidesAProfessionalWithoutConsent() throws SQLException {
        String id;
        try (Connection connection = database.open()) {
            id = Sql.scalar(connection, "SELECT id FROM professional WHERE NOT consent_public LIMIT 1");
        }
        assertEquals(404, api.get("/api/v1/professionals/" + id).status());
    }

    @Test
    void answersAnUnknownIdWithAProblem() {
        ApiClient.Response response = api.get("/api/v1/services/00000000-0000-4000-8000-000000000000");
        assertEquals(404, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertEquals(404, response.json().get("status").asInt());
        assertTrue(response.json().get("detail").asText().contains("00000000-0000-4000-8000-000000000000"));
    }

    @ParameterizedTest
    @CsvSource({"limit=0,limit", "limit=101,limit", "limit=abc,limit", "page=0,page", "page=-3,page"})
    void answersInvalidParametersWithAProblemNamingThem(String query, String parameter) {
        ApiClient.Response response = api.get("/api/v1/services?" + query);
        assertEquals(400, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertEquals(parameter, response.json().get("invalid_params").get(0).get("name").asText());
        assertTrue(response.json().get("detail").asText().contains(parameter));
    }

    @Test
    void listsTheTaxonomiesWithTheirTermsAndLayWords() {
        JsonNode taxonomies = api.get("/api/v1/taxonomies").json();
        List<String> names = new ArrayList<>();
        taxonomies.forEach(t -> names.add(t.get("name").asText()));
        assertTrue(names.containsAll(List.of("nestkaart-careline", "nestkaart-module", "nestkaart-intervention",
                "nestkaart-phase", "nestkaart-problem", "nestkaart-target-group", "nestkaart-format",
                "nestkaart-organization-type", "nestkaart-profession")), names.toString());
        JsonNode modules = api.get("/api/v1/taxonomies/nestkaart-module").json().get("terms");
        assertEquals(5, modules.size());
        assertEquals("m1", modules.get(0).get("code").asText(), "terms keep the vocabulary's order");
        JsonNode interventions = api.get("/api/v1/taxonomies/nestkaart-intervention").json().get("terms");
        assertEquals(10, interventions.size());
        JsonNode problems = api.get("/api/v1/taxonomies/nestkaart-problem").json().get("terms");
        boolean layWord = false;
        for (JsonNode synonym : problems.get(0).get("synonyms")) {
            layWord |= synonym.get("synonym").asText().equals("somber na de bevalling");
        }
        assertTrue(layWord, "postpartum depression carries the parents' words");
        assertEquals(404, api.get("/api/v1/taxonomies/nestkaart-unknown").status());
    }

    @Test
    void reportsHealthOnceTheSearchIndexIsOpen() throws InterruptedException {
        ApiClient.Response response = api.get("/health");
        long deadline = System.currentTimeMillis() + 30_000;
        while (response.status() == 503 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50); // the index opens in the background after start-up; health says DOWN until then
            response = api.get("/health");
        }
        assertEquals(200, response.status());
        assertEquals("UP", response.json().get("status").asText());
    }

    private String idByName(String listPath, String name) {
        for (JsonNode item : api.get(listPath).json().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("the seed data has no '" + name + "'");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
