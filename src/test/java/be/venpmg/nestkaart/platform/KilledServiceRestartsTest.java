package be.venpmg.nestkaart.platform;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.LocalMachine;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on its embedded database (the README's first command), killed with SIGKILL at random moments, starting
 * or serving: the next plain start always comes up with its data searchable, although the killed service left its
 * database server running on the data folder. {@code -Dnestkaart.kill-rounds=20} is the long mode; CI runs 3.
 */
@FaultTest
class KilledServiceRestartsTest {
    private final Path dataDir = Path.of("target", "kill-test").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPlainStartAfterSigkillAlwaysComesUpWithItsData() throws Exception {
        int rounds = Integer.getInteger("nestkaart.kill-rounds", 3);
        long seed = Long.getLong("nestkaart.kill-seed", System.nanoTime());
        Random random = new Random(seed);
        LocalMachine.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int port = LocalMachine.freePort();
        Process first = launch(port, "first");
        awaitReady(first, port, "first start"); // unpacks the server and loads the seed once
        first.destroyForcibly().waitFor();
        long slowest = 0;
        for (int round = 1; round <= rounds; round++) {
            Process killed = launch(port, "round-" + round);
            if (random.nextBoolean()) {
                awaitReady(killed, port, "round " + round);
            }
            Thread.sleep(random.nextInt(3_000)); // while starting, indexing or serving
            killed.destroyForcibly().waitFor();
            long started = System.nanoTime();
            Process next = launch(port, "after-" + round);
            awaitReady(next, port, "the start after kill " + round + " (seed " + seed + ")");
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            HttpResponse<String> found = get(port, "/api/v1/search?q=somber+na+de+bevalling&kind=service");
            assertEquals(200, found.statusCode());
            assertFalse(found.body().contains("\"total\":0"), "the seed is searchable after kill " + round);
            next.destroyForcibly().waitFor(); // and killed again: the next round starts on a leftover server too
        }
        Process last = launch(port, "last");
        awaitReady(last, port, "the last start");
        last.destroy(); // a plain stop takes its database down with it
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the service stopped");
        assertFalse(mariadbOnFolder(), "no database server is left on the data folder after a plain stop");
        String stopped = Files.readString(dataDir.resolve("last.log"));
        assertFalse(stopped.contains("Socket error") || stopped.contains("Outbox indexing failed"),
                "a plain stop takes the database down last, after everything that uses it:\n" + stopped);
        System.out.printf("kill test: %d rounds, slowest start after a kill %d ms, seed %d%n", rounds, slowest, seed);
    }

    private boolean mariadbOnFolder() {
        return NestkaartProcess.databaseRunsOn(dataDir);
    }

    private Process launch(int port, String log) throws Exception {
        return NestkaartProcess.start(dataDir, log, Map.of("MICRONAUT_SERVER_PORT", Integer.toString(port)));
    }

    private void awaitReady(Process server, int port, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), what + ": the service died, see " + dataDir);
            try {
                if (get(port, "/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": the service did not become ready, see " + dataDir);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
