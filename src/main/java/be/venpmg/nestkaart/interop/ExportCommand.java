package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.platform.CommandLineContext;
import be.venpmg.nestkaart.platform.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code export FILE.json|FILE.zip}: writes the public dataset as HSDS tabular JSON, or (for .zip) as an HSDS tabular
 * data package. The file appears whole or not at all: it is written next to the target and moved into place.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the public dataset as HSDS 3.0 tabular JSON (FILE.json, the shape import reads) or as an "
                + "HSDS tabular data package of CSV files (FILE.zip). The file appears whole or not at all.")
public final class ExportCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "FILE", description = "FILE.json or FILE.zip")
    Path file;

    public ExportCommand() {
        this(System.out, System.err);
    }

    public ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        return CommandLines.execute(this, out, err, args);
    }

    @Override
    public Integer call() {
        Path target = file.toAbsolutePath();
        boolean datapackage = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        try (ApplicationContext context = CommandLineContext.start()) {
            HsdsExporter exporter = context.getBean(HsdsExporter.class);
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (OutputStream stream = Files.newOutputStream(partial)) {
                if (datapackage) {
                    exporter.writeDatapackage(stream);
                } else {
                    exporter.writeJson(stream);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("Exported the public dataset to " + target + (datapackage ? " (tabular data package)" : ""));
            return ImportCommand.OK;
        } catch (IOException | RuntimeException e) {
            err.println("export: could not write " + target + ": " + e.getMessage());
            return ImportCommand.REJECTED;
        }
    }
}
