package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.search.SearchRequest;
import be.venpmg.nestkaart.search.SearchService;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented backup and restore, end to end: src/ops/backup.sh dumps a live database, src/ops/restore.sh loads
 * it into a new one, a reindex rebuilds the search index from it; the restored service exports the same dataset,
 * byte for byte, and answers searches the same.
 */
@FaultTest
class BackupRestoreTest {
    private static final String SOURCE = "nkt_backuprestoretest";
    private static final String TARGET = "nkt_backuprestoretest_restored";

    @Test
    void aBackupRestoresToTheSameDatasetAndTheSameSearch() throws Exception {
        MariaDbTestSupport.recreate(SOURCE);
        MariaDbTestSupport.recreate(TARGET);
        try (Connection c = DriverManager.getConnection(MariaDbTestSupport.url(""), MariaDbTestSupport.USER,
                MariaDbTestSupport.PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE `" + TARGET + "`"); // restore.sh creates it
        }
        Path backup = Path.of("target", "backup-test.sql.gz").toAbsolutePath();
        Files.deleteIfExists(backup);
        byte[] original;
        List<String> originalAnswers;
        try (ApplicationContext source = start(SOURCE, true)) {
            source.getBean(IndexMaintainer.class).startRebuilt();
            try (Connection c = DriverManager.getConnection(MariaDbTestSupport.url(SOURCE), MariaDbTestSupport.USER,
                    MariaDbTestSupport.PASSWORD); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE service SET description = CONCAT(description, ' Ook op zaterdag.') "
                        + "WHERE publication_status = 'published' ORDER BY id LIMIT 3");
                s.executeUpdate("INSERT INTO outbox (entity_type, entity_id, operation) SELECT 'service', id, 'upsert' "
                        + "FROM service WHERE description LIKE '%Ook op zaterdag.'");
            }
            source.getBean(IndexMaintainer.class).drainOnce();
            original = export(source);
            originalAnswers = answers(source);
            run("src/ops/backup.sh", SOURCE, backup.toString());
        }
        assertTrue(Files.size(backup) > 1000);
        run("src/ops/restore.sh", backup.toString(), TARGET);
        try (ApplicationContext restored = start(TARGET, false)) {
            // what `java -jar nestkaart.jar reindex` does
            assertTrue(restored.getBean(IndexMaintainer.class).startRebuilt() > 0);
            assertArrayEquals(original, export(restored), "the restored database exports the same dataset");
            assertEquals(originalAnswers, answers(restored), "and searches answer the same");
        }
    }

    private static byte[] export(ApplicationContext context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.getBean(HsdsExporter.class).writeJson(out);
        return out.toByteArray();
    }

    /** Per query: the total and every listing found (as a set: equal scores may come in another order). */
    private static List<String> answers(ApplicationContext context) {
        List<String> answers = new ArrayList<>();
        for (String text : List.of("somber na de bevalling", "zaterdag", "huilbaby")) {
            var response = context.getBean(SearchService.class).search(new SearchRequest(text, "service", Map.of(),
                    null, null, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, 100, 1));
            java.util.TreeSet<String> ids = new java.util.TreeSet<>();
            response.results().forEach(r -> ids.add(r.id()));
            assertEquals(response.total(), ids.size());
            answers.add(text + ": " + ids);
        }
        assertTrue(answers.get(1).length() > 40, "the edit made before the backup is found");
        return answers;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DB_HOST", MariaDbTestSupport.HOST, "DB_PORT", MariaDbTestSupport.PORT,
                "DB_USER", MariaDbTestSupport.USER, "MYSQL_PWD", MariaDbTestSupport.PASSWORD));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }

    private static ApplicationContext start(String database, boolean seed) {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", MariaDbTestSupport.url(database),
                "datasources.default.username", MariaDbTestSupport.USER,
                "datasources.default.password", MariaDbTestSupport.PASSWORD,
                "nestkaart.embedded-db.enabled", false,
                "nestkaart.seed.enabled", seed,
                "nestkaart.search.open-on-startup", false,
                "nestkaart.search.outbox-poll", "1h",
                "nestkaart.search.index-dir", "target/test-index/" + database), "test");
    }
}
