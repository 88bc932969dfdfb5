package be.venpmg.nestkaart;

import be.venpmg.nestkaart.interop.HsdsImporter;
import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.search.SearchIndex;

import java.io.InputStream;
import java.util.function.BooleanSupplier;

/** Loads the evaluation corpus into a running test service and waits until the index holds all of it. */
public final class IndexedCorpus {
    private IndexedCorpus() {
    }

    public static void load(HsdsImporter importer, IndexMaintainer maintainer, SearchIndex index) throws Exception {
        waitUntil(index::isReady, 30_000, "index ready");
        try (InputStream in = IndexedCorpus.class.getResourceAsStream("/eval/corpus.json")) {
            importer.importDataset(in, "corpus.json", "test");
        }
        waitUntilIndexed(maintainer, 30_000);
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

    /** Waits until the index holds every change committed so far. */
    public static void waitUntilIndexed(IndexMaintainer maintainer, long millis) throws InterruptedException {
        waitUntil(() -> {
            try {
                return maintainer.caughtUp();
            } catch (RuntimeException databaseBusy) {
                return false;
            }
        }, millis, "outbox indexed");
    }
}
