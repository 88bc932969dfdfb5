package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.platform.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.util.concurrent.Callable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code generate --services N --seed S FILE.json}: a synthetic HSDS dataset for benchmarks (no database needed). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a synthetic HSDS dataset for benchmarks (no database needed); the same seed gives the "
                + "same file.")
public final class GenerateCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--services", defaultValue = "100000", description = "how many services (default: ${DEFAULT-VALUE})")
    int services;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Parameters(paramLabel = "FILE.json")
    Path target;

    @Spec
    CommandSpec spec;

    public GenerateCommand() {
        this(System.out, System.err);
    }

    public GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        return CommandLines.execute(this, out, err, args);
    }

    @Override
    public Integer call() {
        if (services < 1) {
            throw new ParameterException(spec.commandLine(), "--services must be at least 1");
        }
        Path file = target;
        long started = System.nanoTime();
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            new DatasetGenerator(services, seed).write(stream);
        } catch (IOException e) {
            err.println("generate: could not write " + file + ": " + e.getMessage());
            return ImportCommand.REJECTED;
        }
        out.println("Generated " + services + " services (seed " + seed + ") in " + file + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return ImportCommand.OK;
    }
}
