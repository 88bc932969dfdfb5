package be.venpmg.nestkaart.interop;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code generate --services N --seed S FILE.json}: a synthetic HSDS dataset for benchmarks (no database needed). */
public final class GenerateCommand {
    private final PrintStream out;
    private final PrintStream err;

    public GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        int services = 100_000;
        long seed = 1;
        List<String> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--services" -> services = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> files.add(args[i]);
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            files.clear();
        }
        if (files.size() != 1 || services < 1) {
            err.println("usage: nestkaart generate [--services N] [--seed S] FILE.json");
            return ImportCommand.USAGE;
        }
        Path file = Path.of(files.get(0));
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
