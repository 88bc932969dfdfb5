package be.venpmg.nestkaart;

import be.venpmg.nestkaart.interop.HsdsImporter;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.search.SearchIndex;

import java.io.InputStream;
import java.sql.Connection;
import java.util.function.BooleanSupplier;

/** Loads the evaluation corpus into a running test service and waits until the index holds all of it. */
public final class IndexedCorpus {
    private IndexedCorpus() {
    }

    public static void load(HsdsImporter importer, Database database, SearchIndex index) throws Exception {
        waitUntil(index::isReady, 30_000, "index ready");
        try (InputStream in = IndexedCorpus.class.getResourceAsStream("/eval/corpus.json")) {
            importer.importDataset(in, "corpus.json", "test");
        }
        waitUntil(() -> outboxEmpty(database), 30_000, "outbox drained");
    }

    public static void waitUntil(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static boolean outboxEmpty(Database database) {
        try (Connection c = database.open()) {
            return "0".equals(Sql.scalar(c, "SELECT COUNT(*) FROM outbox"));
        } catch (Exception e) {
            return false;
        }
    }
}
