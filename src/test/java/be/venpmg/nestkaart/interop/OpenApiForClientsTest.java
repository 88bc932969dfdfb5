package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;
import org.openapitools.codegen.languages.JavaClientCodegen;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The served OpenAPI document as clients meet it: linted by tools nobody here wrote (Redocly's recommended rules and
 * Spectral's OpenAPI rules, 0 errors), and OpenAPI Generator's Java client generated from it, compiled, and reading a
 * published service and a page of services from this server.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiForClientsTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

    @Inject
    EmbeddedServer server;
    @Inject
    Database database;

    private Path work;
    private Path document;
    private JsonNode openApi;

    @BeforeAll
    void fetchTheDocument() throws IOException {
        work = Files.createDirectories(Path.of("target", "openapi-clients"));
        ApiClient.Response response = new ApiClient(server.getURL()).get("/openapi.json");
        assertEquals(200, response.status());
        document = work.resolve("nestkaart-openapi.json").toAbsolutePath();
        Files.writeString(document, response.body());
        openApi = JSON.readTree(response.body());
        assertEquals(server.getURL().toString(), openApi.at("/servers/0/url").asText(), "servers: this site");
    }

    @Test
    void hsdsAnswersReferenceTheirSchemasAndParametersAreTyped() {
        List<String> wrong = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey() + " " + path.getKey();
            boolean clientErrors = false;
            for (var response : operation.get("responses").properties()) {
                clientErrors |= response.getKey().startsWith("4");
            }
            if (!clientErrors) {
                wrong.add(where + ": no 4xx answer declared");
            }
            if (!path.getKey().startsWith("/hsds") || path.getKey().startsWith("/hsds/profile")) {
                return;
            }
            String schema = operation.at("/responses/200/content/application~1json/schema/$ref").asText();
            if (!schema.startsWith("#/components/schemas/hsds.")
                    || !openApi.at("/components/schemas/" + schema.substring("#/components/schemas/".length())).isObject()) {
                wrong.add(where + ": answer schema " + schema);
            }
            operation.path("parameters").forEach(parameter -> {
                String type = parameter.at("/schema/type").asText();
                String expected = switch (parameter.get("name").asText()) {
                    case "page", "per_page" -> "integer";
                    case "full", "full_service", "minimal", "top_only" -> "boolean";
                    case "proximity" -> "number";
                    default -> "string";
                };
                if (!expected.equals(type)) {
                    wrong.add(where + " " + parameter.get("name").asText() + ": " + type);
                }
            });
        }));
        assertEquals(List.of(), wrong);
        assertTrue(openApi.at("/components/schemas/hsds.service/properties/nestkaart_waiting_weeks").isObject(),
                "the profile's fields are in the schemas");
    }

    @Test
    void redoclyFindsNoError() throws Exception {
        String report = npx(REDOCLY, "lint", document.toString(), "--format=json");
        JsonNode problems = JSON.readTree(report.substring(report.indexOf('{'))).get("problems");
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        problems.forEach(p -> ("error".equals(p.path("severity").asText()) ? errors : warnings)
                .add(p.path("ruleId").asText() + " " + p.at("/location/0/pointer").asText()));
        System.out.println("Redocly warnings: " + warnings);
        assertEquals(List.of(), errors);
    }

    @Test
    void spectralFindsNoError() throws Exception {
        Path ruleset = Path.of("src/test/resources/openapi-lint/spectral.yaml").toAbsolutePath();
        String report = npx(SPECTRAL, "lint", document.toString(), "--ruleset", ruleset.toString(), "--format=json",
                "--fail-severity=error", "--quiet");
        JsonNode results = JSON.readTree(report.substring(report.indexOf('[')));
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        results.forEach(r -> (r.path("severity").asInt() == 0 ? errors : warnings)
                .add(r.path("code").asText() + " " + r.path("path")));
        System.out.println("Spectral warnings: " + warnings);
        assertEquals(List.of(), errors);
    }

    @Test
    void theGeneratedJavaClientCompilesAndReadsAService() throws Exception {
        Path generated = work.resolve("java-client");
        generate(generated);
        Path classes = Files.createDirectories(work.resolve("java-client-classes"));
        compile(generated.resolve("src/main/java"), classes);

        String id;
        String name;
        try (Connection c = database.open()) {
            id = Sql.scalar(c, "SELECT id FROM public_service ORDER BY id LIMIT 1");
            name = Sql.scalar(c, "SELECT name FROM public_service WHERE id = '" + id + "'");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Object client = loader.loadClass("be.nestkaart.client.ApiClient").getConstructor().newInstance();
            client.getClass().getMethod("updateBaseUri", String.class).invoke(client, server.getURL().toString());
            Object service = call(loader, client, "/hsds/services/{id}", id);
            assertEquals("HsdsService", service.getClass().getSimpleName(), "typed by the HSDS schema");
            assertEquals(id, service.getClass().getMethod("getId").invoke(service).toString());
            assertEquals(name, service.getClass().getMethod("getName").invoke(service));
            assertNotNull(service.getClass().getMethod("getLastModified").invoke(service));

            Object page = call(loader, client, "/hsds/services", new Object[0]);
            List<?> contents = (List<?>) page.getClass().getMethod("getContents").invoke(page);
            assertTrue(contents.size() > 1, "a page of services");
            assertTrue(((Number) page.getClass().getMethod("getTotalItems").invoke(page)).intValue() >= contents.size());
        }
    }

    /** Calls the generated method of the GET operation on this path, with the first arguments given, others null. */
    private Object call(ClassLoader loader, Object client, String path, Object... arguments) throws Exception {
        JsonNode operation = openApi.at("/paths/" + path.replace("/", "~1") + "/get");
        String tag = operation.at("/tags/0").asText();
        JavaClientCodegen naming = new JavaClientCodegen();
        String api = "be.nestkaart.client.api." + naming.toApiName(naming.sanitizeTag(tag));
        Class<?> type = loader.loadClass(api);
        Object instance = type.getConstructor(client.getClass()).newInstance(client);
        String method = naming.toOperationId(operation.get("operationId").asText());
        Method found = Stream.of(type.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + method + " in " + api));
        Object[] all = new Object[found.getParameterCount()];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        return found.invoke(instance, all);
    }

    private void generate(Path output) {
        GlobalSettings.setProperty("apiTests", "false");
        GlobalSettings.setProperty("modelTests", "false");
        GlobalSettings.setProperty("apiDocs", "false");
        GlobalSettings.setProperty("modelDocs", "false");
        try {
            CodegenConfigurator configurator = new CodegenConfigurator()
                    .setGeneratorName("java")
                    .setLibrary("native")
                    .setInputSpec(document.toAbsolutePath().toString())
                    .setOutputDir(output.toAbsolutePath().toString())
                    .setInvokerPackage("be.nestkaart.client")
                    .setApiPackage("be.nestkaart.client.api")
                    .setModelPackage("be.nestkaart.client.model")
                    .addAdditionalProperty("useJakartaEe", true)
                    .addAdditionalProperty("hideGenerationTimestamp", true)
                    .addAdditionalProperty("openApiNullable", true);
            ClientOptInput input = configurator.toClientOptInput();
            List<File> files = new DefaultGenerator().opts(input).generate();
            assertTrue(files.size() > 50, files.size() + " files generated");
        } finally {
            GlobalSettings.reset();
        }
    }

    private static void compile(Path sources, Path classes) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }

    /** Runs a Node tool through npx (downloaded once into npm's cache); the tests need Node, as CI installs it. */
    private String npx(String tool, String... arguments) throws Exception {
        assumeTrue(onPath("npx"), "Node's npx is needed to run " + tool + " (.ci/run installs nodejs and npm)");
        List<String> command = new ArrayList<>(List.of("npx", "--yes", tool));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(work, "lint", ".json");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(work.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), tool + " did not finish");
        return Files.readString(out);
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
