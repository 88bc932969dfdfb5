package be.venpmg.nestkaart.platform;

import be.venpmg.nestkaart.Nestkaart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nestkaart as a process of its own on the embedded database, as the README's commands run it: the tests' class path,
 * no datasource URL, a data folder of the test's choosing; its output goes to a log file in that folder.
 */
final class NestkaartProcess {
    private NestkaartProcess() {
    }

    static Process start(Path dataDir, String log, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Nestkaart.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(log + ".log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_"));
        builder.environment().put("NESTKAART_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Whether a database server still runs on the data folder's database files. */
    static boolean databaseRunsOn(Path dataDir) {
        Path data = dataDir.resolve("mariadb-data");
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .anyMatch(p -> LeftoverDatabase.servesFolder(p, EmbeddedMariaDb.durable(data)));
    }
}
