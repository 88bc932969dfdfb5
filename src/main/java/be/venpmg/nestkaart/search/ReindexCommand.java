package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.platform.CommandLineContext;
import be.venpmg.nestkaart.platform.CommandLines;
import picocli.CommandLine.Command;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code reindex}: rebuilds the search index from the database (the source of truth) and exits. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuilds the search index from the database (the source of truth). Stop a running Nestkaart "
                + "first: it holds the index.")
public final class ReindexCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    public ReindexCommand() {
        this(System.out, System.err);
    }

    public ReindexCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        return CommandLines.execute(this, out, err, args);
    }

    @Override
    public Integer call() {
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
