package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nestkaart import FILE} as the command line runs it: its own application context on the configured
 * database (here the test MariaDB, chosen the way an operator would, with datasource properties), exit codes and
 * messages.
 */
class ImportCommandTest {
    private static final String DATABASE = "nkt_importcommandtest";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ImportCommand command = new ImportCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private static final Path INDEX = Path.of("target", "test-index", DATABASE).toAbsolutePath();

    @BeforeEach
    void pointAtTestDatabase() {
        MariaDbTestSupport.recreate(DATABASE);
        System.setProperty("datasources.default.url", MariaDbTestSupport.url(DATABASE));
        System.setProperty("nestkaart.embedded-db.enabled", "false");
        System.setProperty("nestkaart.search.index-dir", INDEX.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("datasources.default.url");
        System.clearProperty("nestkaart.embedded-db.enabled");
        System.clearProperty("nestkaart.search.index-dir");
    }

    @Test
    void leavesIndexingToARunningServiceThatHoldsTheIndex(@TempDir Path dir) throws Exception {
        Files.createDirectories(INDEX);
        try (FSDirectory directory = FSDirectory.open(INDEX);
             Lock serviceLock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            assertEquals(ImportCommand.OK, command.run(corpusCopy(dir).toString()), err.toString());
            assertTrue(out.toString().contains("running Nestkaart"), out.toString());
        }
        assertEquals(363, count("SELECT COUNT(*) FROM outbox WHERE entity_type = 'service'"),
                "the import waits in the outbox for the running service's indexer");
    }

    @Test
    void doesNotTouchTheIndexOfAServiceRunningInAnotherProcess(@TempDir Path dir) throws Exception {
        Files.createDirectories(INDEX);
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IndexLockHolder.class.getName(), INDEX.toString())
                .redirectErrorStream(true).start();
        try (var answers = new java.io.BufferedReader(new java.io.InputStreamReader(service.getInputStream()));
             var ask = new PrintStream(service.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertEquals("holding", answers.readLine());
            assertEquals(ImportCommand.OK, command.run(corpusCopy(dir).toString()), err.toString());
            assertTrue(out.toString().contains("running Nestkaart"), out.toString());
            ask.println("still there?");
            assertEquals("intact", answers.readLine(), "the other process keeps its lock and its index");
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void importsTheCorpusIntoAnEmptyDatabaseWithoutSeedData(@TempDir Path dir) throws Exception {
        Path file = corpusCopy(dir);
        assertEquals(ImportCommand.OK, command.run(file.toString()), err.toString());
        assertTrue(out.toString().contains("services: 363"), out.toString());
        assertEquals(363, count("SELECT COUNT(*) FROM service"));
        assertEquals(234, count("SELECT COUNT(*) FROM organization"));
        assertEquals(0, count("SELECT COUNT(*) FROM professional"), "import loads only the file it is given");
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndWritesNothing(@TempDir Path dir) throws Exception {
        Path file = corpusCopy(dir);
        assertEquals(ImportCommand.OK, command.run("--dry-run", file.toString()), err.toString());
        assertTrue(out.toString().contains("nothing was written"), out.toString());
        assertTrue(out.toString().contains("services: 363 (363 new, 0 changed, 0 unchanged)"), out.toString());
        assertEquals(0, count("SELECT (SELECT COUNT(*) FROM service) + (SELECT COUNT(*) FROM revision) "
                + "+ (SELECT COUNT(*) FROM outbox)"), "a dry run leaves no trace");

        assertEquals(ImportCommand.OK, command.run(file.toString()), err.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var corpus = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        var first = (com.fasterxml.jackson.databind.node.ObjectNode) corpus.withArray("services").get(0);
        first.put("name", first.get("name").asText() + " (nieuw)");
        json.writeValue(file.toFile(), corpus);
        out.reset();
        assertEquals(ImportCommand.OK, command.run("--dry-run", file.toString()), err.toString());
        assertTrue(out.toString().contains("services: 363 (0 new, 1 changed, 362 unchanged)"), out.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM service WHERE name LIKE '% (nieuw)'"));
    }

    @Test
    void refusesABrokenFileWithExitCodeOneNamingRecordAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("corrupt.json");
        String corpus = Files.readString(corpusCopy(dir));
        String serviceOrg = corpus.substring(corpus.indexOf("\"services\""));
        String firstOrgRef = serviceOrg.substring(serviceOrg.indexOf("\"organization_id\": \"") + 20);
        String orgId = firstOrgRef.substring(0, 36);
        Files.writeString(file, corpus.replaceFirst("(\"services\"[\\s\\S]*?\"organization_id\": \")" + orgId,
                "$1" + "00000000-0000-4000-8000-00000000dead"));
        assertEquals(ImportCommand.REJECTED, command.run(file.toString()));
        assertTrue(err.toString().contains("services[0]"), err.toString());
        assertTrue(err.toString().contains("field 'organization_id'"), err.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM service"));
    }

    /**
     * The red team's hostile files (a 50,000-deep nesting, a 20 MB string, a 1 GiB zip bomb) and a flood of records
     * are refused while they are read, each with one line naming the limit, no stack trace, nothing written.
     */
    @Test
    void refusesHostileFilesWithOneLineNamingTheLimit(@TempDir Path dir) throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"),
                "{\"organizations\":[" + "[".repeat(50_000) + "]".repeat(50_000) + "]}");
        Path longText = Files.writeString(dir.resolve("long.json"),
                "{\"organizations\":[{\"id\":\"x\",\"name\":\"" + "a".repeat(20_000_000) + "\"}]}");
        Path many = Files.writeString(dir.resolve("many.json"),
                "{\"organizations\":[" + "{},".repeat(2_000_000) + "{}]}");
        Path bomb = zipBomb(dir.resolve("bomb.zip"), 1L << 30);
        assertRefused(deep, "nestkaart.import.max-nesting-depth");
        assertRefused(longText, "nestkaart.import.max-string-length");
        assertRefused(many, "nestkaart.import.max-records");
        assertRefused(bomb, "nestkaart.import.max-string-length");
        assertEquals(0, count("SELECT COUNT(*) FROM organization"));
    }

    @Test
    void fileAndUnpackedSizesHaveLimitsOfTheirOwn(@TempDir Path dir) throws Exception {
        ImportLimits small = new ImportLimits(4_096, 1L << 20, 64, 1_000_000, 1_000_000);
        Path json = Files.writeString(dir.resolve("big.json"), "{\"organizations\":[" + "{},".repeat(2_000) + "{}]}");
        ImportRejectedException tooBig = assertThrows(ImportRejectedException.class,
                () -> new DatasetReader(small, null).read(json));
        assertTrue(tooBig.problems().get(0).toString().contains("nestkaart.import.max-file-size"), tooBig.problems().toString());
        Path bomb = zipBomb(dir.resolve("bomb.zip"), 64L << 20);
        ImportRejectedException unpacked = assertThrows(ImportRejectedException.class,
                () -> new DatasetReader(new ImportLimits(1L << 20, 8L << 20, 64, 100_000_000, 1_000_000), null).read(bomb));
        assertTrue(unpacked.problems().get(0).toString().contains("nestkaart.import.max-unpacked-size"),
                unpacked.problems().toString());
    }

    private void assertRefused(Path file, String limit) {
        err.reset();
        assertEquals(ImportCommand.REJECTED, command.run(file.toString()), file + ": " + err);
        String[] lines = err.toString().strip().split("\n");
        assertEquals(2, lines.length, "a heading and one line: " + err);
        assertTrue(lines[1].contains(limit), err.toString());
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err.toString());
    }

    /** A data package whose CSV unpacks to {@code size} bytes of zeros: a few megabytes on disk. */
    private static Path zipBomb(Path file, long size) throws IOException {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("datapackage.json"));
            zip.write(("{\"resources\":[{\"name\":\"organizations\",\"path\":\"organizations.csv\",\"schema\":"
                    + "{\"fields\":[{\"name\":\"id\"},{\"name\":\"name\"}]}}]}").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("organizations.csv"));
            zip.write("id,name\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
        }
        return file;
    }

    @Test
    void answersUsageErrorsWithExitCodeTwo(@TempDir Path dir) {
        assertEquals(ImportCommand.USAGE, command.run());
        assertEquals(ImportCommand.USAGE, command.run(dir.resolve("missing.json").toString()));
        assertTrue(err.toString().contains("cannot read"), err.toString());
        assertTrue(err.toString().contains("Missing required parameter: 'DATASET'"), err.toString());
        assertEquals(ImportCommand.OK, command.run("--help"));
        assertTrue(out.toString().contains("Usage: import") && out.toString().contains("Exit codes"), out.toString());
    }

    private Path corpusCopy(Path dir) throws IOException {
        Path file = dir.resolve("corpus.json");
        try (InputStream in = getClass().getResourceAsStream("/eval/corpus.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MariaDbTestSupport.url(DATABASE),
                MariaDbTestSupport.USER, MariaDbTestSupport.PASSWORD)) {
            return Long.parseLong(Sql.scalar(connection, sql));
        }
    }
}
