package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.platform.CommandLineContext;
import be.venpmg.nestkaart.platform.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code import FILE.json|PACKAGE.zip}: loads an HSDS dataset into the configured database; exit 0 on success. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports an HSDS 3.0 dataset (tabular JSON, or a tabular data package with datapackage.json) "
                + "into the configured database in one transaction, then rebuilds the search index. A dataset with "
                + "any problem is refused whole and changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (or, with --dry-run, importable)", "1:refused (the problems are listed)",
                "2:wrong use or unreadable file"})
public final class ImportCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;

    /** The length import_record.source keeps. */
    private static final int MAX_SOURCE = 200;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "DATASET", description = "FILE.json, PACKAGE.zip, a FOLDER with datapackage.json, or a "
            + "spreadsheet's SHEET.csv (columns as README 'Importing a spreadsheet' maps them)")
    Path file;

    @picocli.CommandLine.Option(names = "--sheet", paramLabel = "SHEET",
            description = "For a .csv file: organizations, services, locations or professionals (default: as the file "
                    + "name says, e.g. nestkaart-services-2026-12-01.csv)")
    String sheet;

    @picocli.CommandLine.Option(names = "--source", paramLabel = "NAME",
            description = "The dataset's name, the same for each version of one publisher's dataset: a newer version "
                    + "then reports the listings it no longer has (they are kept). Default: the file name.")
    String source;

    @picocli.CommandLine.Option(names = "--dry-run", defaultValue = "false",
            description = "Check and report what would change (new, changed, unchanged, repaired, refused); write nothing.")
    boolean dryRun;

    public ImportCommand() {
        this(System.out, System.err);
    }

    public ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        return CommandLines.execute(this, out, err, args);
    }

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            err.println("import: cannot read " + file);
            return USAGE;
        }
        // An import loads only the file it is given: no seed data.
        try (ApplicationContext context = CommandLineContext.start()) {
            int status = importFile(context.getBean(HsdsImporter.class), context.getBean(DatasetReader.class), file);
            if (status != OK || dryRun) {
                return status;
            }
            try {
                int documents = context.getBean(IndexMaintainer.class).startRebuilt();
                out.println("Search index rebuilt: " + documents + " documents");
                return OK;
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof LockObtainFailedException) {
                    // A running service owns the index; it indexes the import from the outbox.
                    out.println("The search index is in use by a running Nestkaart, which indexes the import now.");
                    return OK;
                }
                err.println("import: the data was imported, but the search index could not be rebuilt: "
                        + e.getMessage() + " (run: nestkaart reindex)");
                return REJECTED;
            }
        }
    }

    int importFile(HsdsImporter importer, DatasetReader reader, Path file) {
        try (HsdsDataset dataset = reader.read(file, sheet)) {
            String name = source != null && !source.isBlank() ? source.strip() : file.getFileName().toString();
            if (name.length() > MAX_SOURCE) {
                err.println("import: the source name is longer than " + MAX_SOURCE + " characters; give a shorter --source");
                return USAGE;
            }
            ImportReport report = dryRun ? importer.dryRun(dataset, name, "cli:import")
                    : importer.importDataset(dataset, name, "cli:import");
            out.println(dryRun ? "Dry run of " + file + " (" + report.millis() + " ms), nothing was written:"
                    : "Imported " + file + " in " + report.millis() + " ms:");
            report.records().forEach((table, count) -> out.println("  " + table + ": " + count
                    + (report.changes().containsKey(table) ? " (" + report.changes().get(table) + ")" : "")));
            if (report.coordinatesFromPostalCode() > 0) {
                out.println("  coordinates taken from the postal code for " + report.coordinatesFromPostalCode()
                        + " location(s)");
            }
            if (!report.skippedTables().isEmpty()) {
                out.println("  tables skipped (not stored by Nestkaart, or without data): " + report.skippedTables());
            }
            if (!report.disappeared().isEmpty()) {
                out.println("  no longer in " + name + " since its previous import (kept; editors decide):");
                report.disappeared().forEach((table, ids) -> out.println("    " + table + ": " + ids.size() + " "
                        + ids.subList(0, Math.min(ids.size(), 20)) + (ids.size() > 20 ? " ..." : "")));
            }
            if (!report.repairs().isEmpty()) {
                out.println("  " + report.repairs().size() + " fault(s) repaired, please check:");
                report.repairs().forEach(repair -> out.println("    " + repair));
            }
            return OK;
        } catch (ImportRejectedException e) {
            err.println("import: " + file + " refused, nothing was changed. " + e.problems().size() + " problem(s):");
            e.problems().forEach(problem -> err.println("  " + problem));
            return REJECTED;
        } catch (IOException e) {
            err.println("import: cannot read " + file + ": " + e.getMessage());
            return USAGE;
        }
    }
}
