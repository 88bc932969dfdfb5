package be.venpmg.nestkaart;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** What tests that run the service as a process of its own need from the machine: a free port, a clean folder. */
public final class LocalMachine {
    private LocalMachine() {
    }

    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
