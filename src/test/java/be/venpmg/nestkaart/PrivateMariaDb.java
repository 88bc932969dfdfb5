package be.venpmg.nestkaart;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, started and stopped with the machine's commands (mariadb-install-db,
 * mariadbd) on a free loopback port, so a test can take the database away without touching the shared server.
 */
public final class PrivateMariaDb implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private Process server;

    public PrivateMariaDb(Path dataDir) throws IOException, InterruptedException {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePort();
        if (Files.exists(this.dataDir)) {
            try (var files = Files.walk(this.dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(this.dataDir);
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + this.dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + System.getProperty("user.name"))
                .redirectErrorStream(true).redirectOutput(this.dataDir.resolveSibling(this.dataDir.getFileName() + "-install.log").toFile())
                .start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed, see " + this.dataDir + "-install.log");
        }
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server (again, on the same data) and waits until it answers. */
    public void start() throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + dataDir,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mariadb.sock"),
                "--pid-file=" + dataDir.resolve("mariadb.pid"), "--innodb-buffer-pool-size=64M",
                "--user=" + System.getProperty("user.name")));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url(""), "root", "")) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd did not start, see " + dataDir + ".log", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server the way an operator does (SIGTERM, a clean shutdown). */
    public void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(""), "root", "");
             var statement = c.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
