package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.platform.CommandLineContext;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;

/** {@code reindex}: rebuilds the search index from the database (the source of truth) and exits. */
public final class ReindexCommand {
    private final PrintStream out;
    private final PrintStream err;

    public ReindexCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run() {
        try (ApplicationContext context = CommandLineContext.start()) {
            IndexMaintainer maintainer = context.getBean(IndexMaintainer.class);
            long started = System.nanoTime();
            int documents = maintainer.startRebuilt();
            out.println("Search index rebuilt: " + documents + " documents in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return 0;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException) {
                err.println("reindex: the index is in use by a running Nestkaart. Stop it first; it rebuilds the index "
                        + "itself when the index is missing or outdated.");
            } else {
                err.println("reindex failed: " + e.getMessage());
            }
            return 1;
        }
    }
}
