package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.MariaDbTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipFile;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import} and {@code export} as an operator runs them, on empty databases: the evaluation corpus (and the seed
 * data) go in, out, into an empty database and out again, and the two exports are the same bytes, through HSDS JSON
 * and through the CSV data package alike.
 */
class HsdsRoundTripTest {
    private static final String DATABASE = "nkt_hsdsroundtriptest";
    private static final Path INDEX = Path.of("target", "test-index", DATABASE).toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void pointAtTestDatabase() {
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
    void theEvaluationCorpusSurvivesExportAndImportExactly(@TempDir Path dir) throws IOException {
        Path corpus = copy("/eval/corpus.json", dir.resolve("corpus.json"));
        roundTrip(corpus, dir);
    }

    @Test
    void theSeedDataSurvivesExportAndImportExactly(@TempDir Path dir) throws IOException {
        Path seed = copy("/seed-data/nestkaart-seed.json", dir.resolve("seed.json"));
        roundTrip(seed, dir);
        // Two fictional professionals in the seed did not consent: they stay out of every export.
        JsonNode original = JSON.readTree(seed.toFile()).get("nestkaart_professionals");
        JsonNode exported = JSON.readTree(dir.resolve("first.json").toFile()).get("nestkaart_professionals");
        assertEquals(original.size() - 2, exported.size());
        exported.forEach(p -> assertTrue(p.get("consent_public").asBoolean(), p.toString()));
    }

    private void roundTrip(Path dataset, Path dir) throws IOException {
        Path first = dir.resolve("first.json");
        Path firstPackage = dir.resolve("first.zip");
        Path second = dir.resolve("second.json");
        Path fromPackage = dir.resolve("from-package.json");

        emptyDatabase();
        run(new ImportCommand(stdout(), stderr()).run(dataset.toString()));
        run(new ExportCommand(stdout(), stderr()).run(first.toString()));
        run(new ExportCommand(stdout(), stderr()).run(firstPackage.toString()));
        assertReproducibleAndValid(firstPackage, dir);

        emptyDatabase();
        run(new ImportCommand(stdout(), stderr()).run(first.toString()));
        run(new ExportCommand(stdout(), stderr()).run(second.toString()));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "import → export → import into an empty database → export gives the same file");

        emptyDatabase();
        run(new ImportCommand(stdout(), stderr()).run(firstPackage.toString()));
        run(new ExportCommand(stdout(), stderr()).run(fromPackage.toString()));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(fromPackage),
                "the CSV data package carries the same dataset as the JSON");
    }

    /** Issue 20: three exports of the same data give one SHA-256, and the descriptor is valid Frictionless. */
    private void assertReproducibleAndValid(Path firstPackage, Path dir) throws IOException {
        Set<String> digests = new HashSet<>();
        digests.add(sha256(firstPackage));
        for (int i = 2; i <= 3; i++) {
            Path again = dir.resolve("package-" + i + ".zip");
            run(new ExportCommand(stdout(), stderr()).run(again.toString()));
            digests.add(sha256(again));
        }
        assertEquals(1, digests.size(), "three exports of the same data, one digest: " + digests);

        JsonNode descriptor;
        try (ZipFile zip = new ZipFile(firstPackage.toFile())) {
            descriptor = JSON.readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
        }
        JsonSchema profile;
        try (InputStream in = getClass().getResourceAsStream("/frictionless/tabular-data-package.json")) {
            profile = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        assertEquals(Set.of(), profile.validate(descriptor), "valid under the tabular-data-package profile");
        Set<String> resources = new HashSet<>();
        descriptor.get("resources").forEach(resource -> resources.add(resource.get("name").asText()));
        descriptor.get("resources").forEach(resource -> resource.path("schema").path("foreignKeys").forEach(key -> {
            String target = key.path("reference").path("resource").asText();
            assertTrue(target.isEmpty() || resources.contains(target),
                    resource.get("name") + " has a foreign key to " + target + ", which is not in the package");
        }));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void emptyDatabase() {
        MariaDbTestSupport.recreate(DATABASE);
    }

    private void run(int status) {
        assertEquals(ImportCommand.OK, status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private PrintStream stdout() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = HsdsRoundTripTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
