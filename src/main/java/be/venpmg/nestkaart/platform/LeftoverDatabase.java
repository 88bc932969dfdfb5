package be.venpmg.nestkaart.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A MariaDB server left running on our data folder by a service that was killed (SIGKILL gives it no chance to stop
 * its database): found by the pid file the server writes into that folder, and stopped only when its command line
 * names this very folder, so no other process is ever touched. Without this the next start fails on the server's
 * lock of the folder.
 */
final class LeftoverDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverDatabase.class);
    private static final long GRACE_SECONDS = 60;

    private LeftoverDatabase() {
    }

    static void stopIfRunning(File dataDir) {
        File[] pidFiles = dataDir.listFiles((dir, name) -> name.endsWith(".pid"));
        if (pidFiles == null) {
            return;
        }
        for (File pidFile : pidFiles) {
            pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(process -> servesFolder(process, dataDir)).ifPresent(LeftoverDatabase::stop);
        }
    }

    /** Whether the process is a MariaDB server whose data directory is {@code dataDir}. */
    static boolean servesFolder(ProcessHandle process, File dataDir) {
        String command = process.info().commandLine().orElse("");
        String folder = dataDir.getPath();
        String absolute = dataDir.toPath().toAbsolutePath().normalize().toString();
        return (command.contains("mariadbd") || command.contains("mysqld"))
                && (command.contains("--datadir=" + folder) || command.contains("--datadir=" + absolute));
    }

    private static void stop(ProcessHandle process) {
        LOG.warn("A MariaDB server (pid {}) left by an earlier run still holds the data folder; stopping it",
                process.pid());
        process.destroy(); // SIGTERM: the server shuts down cleanly and releases its files
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("It did not stop within {} s; killing it", GRACE_SECONDS);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.Optional<Long> pid(File pidFile) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(pidFile.toPath()).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return java.util.Optional.empty();
        }
    }
}
