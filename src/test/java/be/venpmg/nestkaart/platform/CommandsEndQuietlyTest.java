package be.venpmg.nestkaart.platform;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.LocalMachine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands on the embedded database, as a new user runs them one after the other on one data folder: each stops
 * the database server it started (the next command can start its own) and prints its result and nothing else: no
 * socket errors from background work after "imported", no log noise.
 */
@FaultTest
class CommandsEndQuietlyTest {
    private final Path dataDir = Path.of("target", "commands-test").toAbsolutePath();

    @Test
    void createAdminThenImportEachStopTheirDatabaseAndPrintOnlyTheirResult() throws Exception {
        LocalMachine.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);

        List<String> created = run("create-admin", Map.of("NESTKAART_ADMIN_PASSWORD", "Lang-genoeg-wachtwoord-77"),
                "create-admin", "eerste@nestkaart.test");
        assertEquals(List.of("Admin account eerste@nestkaart.test created (id 1)."), created);

        List<String> imported = run("import", Map.of(), "import", Path.of("seed-data", "nestkaart-seed.json")
                .toAbsolutePath().toString());
        assertTrue(imported.get(0).startsWith("Imported "), String.join("\n", imported));
        assertTrue(imported.get(imported.size() - 1).startsWith("Search index rebuilt: "), String.join("\n", imported));
        assertTrue(imported.stream().allMatch(line -> line.startsWith("Imported ") || line.startsWith("  ")
                        || line.startsWith("Search index rebuilt: ")),
                "only the import's own report, no log lines or stack traces:\n" + String.join("\n", imported));
    }

    /** Runs one command to its end; returns its output lines after checking it left no database server behind. */
    private List<String> run(String log, Map<String, String> environment, String... args) throws Exception {
        Process command = NestkaartProcess.start(dataDir, log, environment, args);
        assertTrue(command.waitFor(300, TimeUnit.SECONDS), log + " ended");
        List<String> output = Files.readAllLines(dataDir.resolve(log + ".log"));
        assertEquals(0, command.exitValue(), log + " succeeded: " + output);
        assertFalse(NestkaartProcess.databaseRunsOn(dataDir), log + " stopped the database server it started");
        return output;
    }
}
