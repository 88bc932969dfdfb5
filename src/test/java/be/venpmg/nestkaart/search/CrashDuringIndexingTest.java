package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.LocalMachine;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Nestkaart;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service process is killed (SIGKILL) at random points, in turn during a stream of committed edits and during a
 * bulk import; after every restart the index holds exactly what the database says is public (every committed change
 * searchable, nothing uncommitted), and the index the crash left behind passes Lucene's CheckIndex.
 * Rounds: {@code -Dnestkaart.crash.rounds} (3 in the regular run; the README's long command runs 20).
 */
@FaultTest
class CrashDuringIndexingTest {
    private static final String DATABASE = "nkt_crashduringindexingtest";
    private final Path dataDir = Path.of("target", "crash-test").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killedAtRandomPointsTheIndexStillAgreesWithTheDatabase() throws Exception {
        int rounds = Integer.getInteger("nestkaart.crash.rounds", 3);
        long seed = Long.getLong("nestkaart.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        MariaDbTestSupport.recreate(DATABASE);
        LocalMachine.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path corpus = dataDir.resolve("corpus.json");
        try (var in = getClass().getResourceAsStream("/eval/corpus.json")) {
            Files.copy(in, corpus);
        }
        int port = LocalMachine.freePort();
        // The database side of the comparison: what a full rebuild would index, read by the service's own loader.
        try (ApplicationContext truth = ApplicationContext.run(Map.of(
                "datasources.default.url", MariaDbTestSupport.url(DATABASE),
                "datasources.default.username", MariaDbTestSupport.USER,
                "datasources.default.password", MariaDbTestSupport.PASSWORD,
                "nestkaart.embedded-db.enabled", false, "nestkaart.seed.enabled", false,
                "nestkaart.search.open-on-startup", false, "nestkaart.search.outbox-poll", "1h",
                "nestkaart.search.index-dir", dataDir.resolve("unused-index").toString()), "test")) {
            survive(rounds, seed, random, corpus, port, truth.getBean(ListingDocumentLoader.class));
        }
    }

    private void survive(int rounds, long seed, Random random, Path corpus, int port, ListingDocumentLoader loader)
            throws Exception {
        Process server = launch(port, "server-0");
        awaitReady(server, port);
        AtomicInteger edits = new AtomicInteger();
        for (int round = 1; round <= rounds; round++) {
            long killAfter = 300 + random.nextInt(4_000);
            if (round % 2 == 1) {
                // A stream of committed edits while the service indexes them; killed mid-stream.
                AtomicBoolean editing = new AtomicBoolean(true);
                int current = round;
                Thread editor = new Thread(() -> edit(editing, edits, current));
                editor.start();
                Thread.sleep(killAfter);
                server.destroyForcibly().waitFor();
                editing.set(false);
                editor.join();
            } else {
                // A bulk import in its own process (the service is down), killed while it writes or indexes.
                server.destroy();
                server.waitFor(60, TimeUnit.SECONDS);
                Process importer = launch(0, "import-" + round, "import", corpus.toString());
                Thread.sleep(killAfter * 3);
                importer.destroyForcibly().waitFor();
            }
            try (CheckIndex check = new CheckIndex(FSDirectory.open(dataDir.resolve("index")))) {
                assertTrue(check.checkIndex().clean, "round " + round + " (seed " + seed + "): CheckIndex");
            }
            server = launch(port, "server-" + round);
            awaitReady(server, port);
            awaitAgreement(loader, "round " + round + " (seed " + seed + ", killed after " + killAfter + " ms)");
        }
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("crash test: %d rounds survived, %d edits committed, seed %d%n", rounds, edits.get(), seed);
    }

    /** Renames published services, one committed transaction (listing + outbox row) at a time. */
    private void edit(AtomicBoolean editing, AtomicInteger edits, int round) {
        try (Connection c = DriverManager.getConnection(MariaDbTestSupport.url(DATABASE), MariaDbTestSupport.USER,
                MariaDbTestSupport.PASSWORD)) {
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM service WHERE publication_status = 'published'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement rename = c.prepareStatement("UPDATE service SET name = ? WHERE id = ?");
                 PreparedStatement queue = c.prepareStatement(
                         "INSERT INTO outbox (entity_type, entity_id, operation) VALUES ('service', ?, 'upsert')")) {
                while (editing.get()) {
                    int n = edits.incrementAndGet();
                    String id = ids.get(n % ids.size());
                    rename.setString(1, "Dienst " + n + " (ronde " + round + ")");
                    rename.setString(2, id);
                    rename.executeUpdate();
                    queue.setString(1, id);
                    queue.executeUpdate();
                    c.commit();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the committed index equals what a rebuild from the database would hold. */
    private void awaitAgreement(ListingDocumentLoader loader, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> expected = expected(loader);
        Map<String, String> indexed = indexed();
        while (!expected.equals(indexed) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            expected = expected(loader);
            indexed = indexed();
        }
        assertEquals(expected.size(), indexed.size(), what + ": number of documents");
        assertEquals(expected, indexed, what);
    }

    private Map<String, String> expected(ListingDocumentLoader loader) throws Exception {
        Map<String, String> documents = new TreeMap<>();
        loader.eachPublic(chunk -> chunk.forEach(d -> documents.put(d.kind() + ":" + d.id(), d.name())));
        return documents;
    }

    private Map<String, String> indexed() throws Exception {
        Map<String, String> documents = new TreeMap<>();
        try (IndexReader reader = DirectoryReader.open(FSDirectory.open(dataDir.resolve("index")))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document stored = leaf.reader().storedFields().document(doc);
                        String summary = stored.get(IndexSchema.SUMMARY);
                        String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary).get("name").asText();
                        documents.put(stored.get(IndexSchema.KIND) + ":" + stored.get(IndexSchema.ID), name);
                    }
                }
            }
        }
        return documents;
    }

    private Process launch(int port, String log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Nestkaart.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(log + ".log").toFile());
        builder.environment().put("DATASOURCES_DEFAULT_URL", MariaDbTestSupport.url(DATABASE));
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", MariaDbTestSupport.USER);
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", MariaDbTestSupport.PASSWORD);
        builder.environment().put("NESTKAART_DATA_DIR", dataDir.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return builder.start();
    }

    private void awaitReady(Process server, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the service died, see " + dataDir);
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready, see " + dataDir);
    }
}
