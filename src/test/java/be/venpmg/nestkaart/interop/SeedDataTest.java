package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed dataset the service loads on an empty database covers the domain as the issue asks. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedDataTest implements MariaDbTestSupport {
    @Inject
    Database database;
    @Inject
    EmbeddedServer server;

    @Test
    void hasAtLeastSixtyPublishedServices() throws SQLException {
        assertTrue(values("SELECT id FROM service WHERE publication_status = 'published'").size() >= 60);
    }

    @Test
    void coversEveryCareLineAndModule() throws SQLException {
        Set<String> terms = values("""
                SELECT DISTINCT CONCAT(t.taxonomy, ':', t.code) FROM attribute a
                JOIN taxonomy_term t ON t.id = a.taxonomy_term_id WHERE a.link_entity = 'service'""");
        for (String code : new String[]{"0", "1", "2", "3"}) {
            assertTrue(terms.contains("nestkaart-careline:" + code), "care line " + code);
        }
        for (int module = 1; module <= 5; module++) {
            assertTrue(terms.contains("nestkaart-module:m" + module), "module " + module);
        }
    }

    @Test
    void coversEveryFlemishProvinceAndBrussels() throws SQLException {
        Set<String> provinces = values("""
                SELECT DISTINCT a.province FROM service_at_location sal
                JOIN address a ON a.location_id = sal.location_id""");
        assertTrue(provinces.containsAll(Set.of("Antwerpen", "Limburg", "Oost-Vlaanderen", "West-Vlaanderen",
                "Vlaams-Brabant", "Brussels Hoofdstedelijk Gewest")), provinces.toString());
    }

    @Test
    void namesTheOrganisationsOfTheReport() throws SQLException {
        Set<String> names = values("SELECT name FROM organization");
        assertTrue(names.containsAll(Set.of("Centrum Moeder en Baby", "Moeder & Baby Zoersel",
                "Centrum Perinatale Psychiatrie U.Z. Gent", "Perinatale Psychiatrie U.P.C. K.U. Leuven",
                "C.G.G. Adentro", "C.G.G. Kruidtuin", "C.G.G. De Drie Stromen", "C.G.G. Kempen", "C.G.G. De Pont",
                "C.G.G. Mandel & Leie", "C.G.G. VAGGA", "C.G.G. Vlaams-Brabant Oost",
                "Expertisecentrum Kraamzorg De Bakermat", "De Opvoedingslijn")), names.toString());
        // The only numbers are the public emergency and help lines of the urgent-help listings (112, 1813 …).
        assertEquals(Set.of(), values("""
                SELECT p.id FROM phone p WHERE p.service_id IS NULL OR p.service_id NOT IN (
                    SELECT a.link_id FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
                    JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.name = 'nestkaart-urgency')"""),
                "no invented contact details");
        assertEquals(Set.of("112", "1813", "106", "102", "1733", "078 150 100"), values("SELECT number FROM phone"));
    }

    @Test
    void marksEveryProfessionalAsFictional() throws SQLException {
        assertEquals(Set.of(), values("SELECT id FROM professional WHERE description NOT LIKE 'Fictief%'"));
        assertTrue(values("SELECT id FROM professional").size() >= 6);
    }

    @Test
    void auditsTheSeedAndMakesItSearchable() throws Exception {
        assertEquals(values("SELECT id FROM service"),
                values("SELECT entity_id FROM revision WHERE entity_type = 'service' AND actor = 'system:seed'"));
        ApiClient api = new ApiClient(server.getURL());
        int services = values("SELECT id FROM service").size();
        long deadline = System.currentTimeMillis() + 20_000;
        int indexed = -1;
        while (System.currentTimeMillis() < deadline) {
            ApiClient.Response response = api.get("/api/v1/search?kind=service&limit=1");
            indexed = response.status() == 200 ? response.json().get("total").asInt() : -1;
            if (indexed == services) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(services, indexed, "every seed service reaches the search index through the outbox");
    }

    private Set<String> values(String sql) throws SQLException {
        try (Connection connection = database.open()) {
            return Sql.values(connection, sql);
        }
    }
}
