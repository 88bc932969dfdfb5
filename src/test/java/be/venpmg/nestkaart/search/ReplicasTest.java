package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §8 scale-out: two replicas, each with its own port and index, share one database; what is published
 * through one is searchable on both within two seconds, and both keep following the shared outbox.
 */
@FaultTest
class ReplicasTest {
    private static final String DATABASE = "nkt_replicastest";

    @Test
    void aChangeThroughOneReplicaIsSearchableOnBoth() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (EmbeddedServer first = start("first", true)) {
            ApiClient a = new ApiClient(first.getURL());
            IndexedCorpus.waitUntil(() -> a.get("/health").status() == 200, 60_000, "first replica ready");
            IndexedCorpus.waitUntil(() -> total(a, "") > 0, 60_000, "the seed data loaded");
            IndexedCorpus.waitUntilIndexed(first.getApplicationContext().getBean(IndexMaintainer.class), 30_000);
            try (EmbeddedServer second = start("second", false)) {
                ApiClient b = new ApiClient(second.getURL());
                IndexedCorpus.waitUntil(() -> b.get("/health").status() == 200, 60_000, "second replica ready");
                IndexedCorpus.waitUntilIndexed(second.getApplicationContext().getBean(IndexMaintainer.class), 30_000);
                assertEquals(total(a, ""), total(b, ""), "both replicas index the same listings");

                TestAccounts.create(first.getApplicationContext(), "anna@venpmg.be", "editor", null);
                TestAccounts.create(first.getApplicationContext(), "bert@venpmg.be", "editor", null);
                String anna = TestAccounts.bearer(a, "anna@venpmg.be");
                String bert = TestAccounts.bearer(b, "bert@venpmg.be"); // sessions live in the shared database too

                String organization = a.get("/api/v1/search?kind=organization&limit=1").json()
                        .get("results").get(0).get("id").asText();
                JsonNode draft = a.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw aanbod",
                        "fields", Map.of("organization_id", organization, "name", "Tweelingnestgroep",
                                "description", "Groep voor ouders van een tweeling.", "referral_required", false)))
                        .json();
                long change = draft.get("id").asLong();
                assertEquals(200, a.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()).status());
                assertEquals(200, a.approve(change, bert, null).status());
                long published = System.nanoTime();
                IndexedCorpus.waitUntil(() -> total(a, "tweelingnestgroep") == 1, 2_000, "searchable on the first");
                IndexedCorpus.waitUntil(() -> total(b, "tweelingnestgroep") == 1, 2_000, "searchable on the second");
                long millis = (System.nanoTime() - published) / 1_000_000;
                assertTrue(millis < 2_000, millis + " ms");
                System.out.printf("replicas: published through one, searchable on both after %d ms%n", millis);

                String id = draft.get("entity_id").asText();
                assertEquals(200, b.post("/api/v1/editor/listings/service/" + id + "/archive", bert,
                        Map.of("reason", "Aanbod gestopt")).status());
                IndexedCorpus.waitUntil(() -> total(a, "tweelingnestgroep") == 0, 2_000, "archived: gone on the first");
                IndexedCorpus.waitUntil(() -> total(b, "tweelingnestgroep") == 0, 2_000, "archived: gone on the second");
            }
        }
    }

    private static int total(ApiClient api, String query) {
        return api.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json()
                .get("total").asInt();
    }

    private static EmbeddedServer start(String name, boolean seed) {
        Map<String, Object> properties = MariaDbTestSupport.serviceOn(DATABASE);
        // The first replica loads the seed data; the second finds it in the shared database.
        properties.put("nestkaart.seed.enabled", seed);
        properties.put("nestkaart.search.index-dir", "target/test-index/" + DATABASE + "-" + name);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }
}
