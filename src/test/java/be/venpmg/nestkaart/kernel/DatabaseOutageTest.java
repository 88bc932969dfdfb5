package be.venpmg.nestkaart.kernel;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.PrivateMariaDb;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.search.IndexMaintainer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under read load: search and the public pages go on answering from the index (readiness
 * says STALE), writes answer 503 problem+json and save nothing half, and when the database is back the writes
 * succeed and a change committed just before the outage reaches search through the outbox.
 */
@FaultTest
class DatabaseOutageTest {
    private static final String DATABASE = "nestkaart";

    @Test
    void searchKeepsServingWhileTheDatabaseIsDownAndNothingIsLost() throws Exception {
        try (PrivateMariaDb db = new PrivateMariaDb(Path.of("target", "outage-db"))) {
            db.start();
            db.createDatabase(DATABASE);
            try (EmbeddedServer server = start(db)) {
                ApiClient api = new ApiClient(server.getURL());
                IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "ready");
                IndexedCorpus.waitUntilIndexed(server.getApplicationContext().getBean(IndexMaintainer.class), 30_000);
                TestAccounts.create(server.getApplicationContext(), "anna@venpmg.be", "editor", null);
                String anna = TestAccounts.bearer(api, "anna@venpmg.be");
                JsonNode card = api.get("/api/v1/search?kind=service&limit=1&q=depressie").json().get("results").get(0);
                String page = "/aanbod/" + card.get("id").asText();
                String organization = card.get("organization").get("id").asText();
                Map<String, Object> draft = Map.of("reason", "Nieuw aanbod", "fields", Map.of(
                        "organization_id", organization, "name", "Stormvaste groep",
                        "description", "Groep voor ouders.", "referral_required", false));

                AtomicBoolean reading = new AtomicBoolean(true);
                AtomicInteger reads = new AtomicInteger();
                ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
                Thread load = new Thread(() -> {
                    while (reading.get()) {
                        for (String path : List.of("/api/v1/search?q=somber+na+de+bevalling", "/api/v1/suggest?q=dep",
                                "/", page)) {
                            reads.incrementAndGet();
                            try {
                                ApiClient.Response response = api.get(path);
                                if (response.status() != 200 && response.status() != 301) {
                                    failedReads.add(path + " " + response.status());
                                }
                            } catch (RuntimeException e) {
                                failedReads.add(path + " " + e);
                            }
                        }
                    }
                });
                load.start();
                int readsDuringOutage;
                try {
                    // A change committed just before the outage, not yet seen by the indexer's next poll.
                    execute(db, "UPDATE service SET name = CONCAT(name, ' (nachtwacht)') WHERE id = '"
                            + card.get("id").asText() + "'", "INSERT INTO outbox (entity_type, entity_id, operation) "
                            + "VALUES ('service', '" + card.get("id").asText() + "', 'upsert')");
                    db.stop();
                    IndexedCorpus.waitUntil(() -> "STALE".equals(api.get("/health").json().path("status").asText()),
                            10_000, "readiness says STALE while the database is away");

                    ApiClient.Response write = api.post("/api/v1/editor/listings/service", anna, draft);
                    assertEquals(503, write.status(), write.body());
                    assertTrue(write.header("Content-Type").startsWith("application/problem+json"));
                    assertEquals("30", write.header("Retry-After"));
                    assertTrue(write.json().get("detail").asText().contains("nothing was saved"));
                    assertTrue(!write.body().contains("Exception") && !write.body().contains("at be.venpmg"));
                    ApiClient.Response detail = api.get(page);
                    assertEquals(200, detail.status());
                    assertTrue(detail.body().contains("wat we het"), "the page says it answers from the index");
                    assertEquals(200, api.get("/api/v1/search?q=huilbaby").status());
                    for (int i = 0; i < 20; i++) {
                        ApiClient.Response health = api.get("/health");
                        assertEquals(200, health.status(), "a stale replica stays in service");
                        assertEquals("STALE", health.json().path("status").asText(), "readiness stays STALE, every time");
                    }
                    readsDuringOutage = reads.get();

                    db.start();
                    // The pool reconnects with a back-off of up to 5 s (HikariCP), so recovery takes up to that long.
                    IndexedCorpus.waitUntil(() -> "UP".equals(api.get("/health").json().path("status").asText()),
                            30_000, "ready again once the database is back");
                    assertEquals(1, api.get("/api/v1/search?q=nachtwacht").json().path("total").asInt(),
                            "ready means the change committed before the outage has reached search");
                    ApiClient.Response again = retriedLikeAClient(() -> api.post("/api/v1/editor/listings/service", anna, draft));
                    assertEquals(201, again.status(), again.body());
                    assertEquals("1", scalar(db, "SELECT COUNT(*) FROM listing_change WHERE proposed LIKE '%Stormvaste groep%'"),
                            "the refused write left nothing behind; the retried one is there once");

                } finally {
                    reading.set(false);
                    load.join();
                }
                assertTrue(reads.get() > readsDuringOutage, "reads went on");
                assertTrue(failedReads.isEmpty(), "no read failed: " + failedReads);
            }
        }
    }

    /** Sends again after a 503, as its Retry-After invites (sooner here), until it is answered otherwise. */
    private static ApiClient.Response retriedLikeAClient(java.util.function.Supplier<ApiClient.Response> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        ApiClient.Response response = request.get();
        while (response.status() == 503 && System.nanoTime() < deadline) {
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.body());
            Thread.sleep(500);
            response = request.get();
        }
        return response;
    }

    private static EmbeddedServer start(PrivateMariaDb db) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", db.url(DATABASE));
        properties.put("datasources.default.username", "root");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.connection-timeout", 1000);
        properties.put("nestkaart.embedded-db.enabled", false);
        properties.put("nestkaart.search.stale-after", "1s");
        properties.put("nestkaart.search.index-dir", "target/test-index/outage");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static void execute(PrivateMariaDb db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(DATABASE), "root", "");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
            c.commit();
        }
    }

    private static String scalar(PrivateMariaDb db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(DATABASE), "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
