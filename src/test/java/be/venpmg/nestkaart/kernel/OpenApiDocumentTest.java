package be.venpmg.nestkaart.kernel;

import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.MariaDbTestSupport;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document the service serves: valid by the reference parser (swagger-parser), covering every endpoint
 * under /api/v1 and /hsds that the router has (so a new endpoint cannot go undocumented), with the parameters of the
 * HSDS API reference, and browsable at /api-docs in a real browser without breaking the content security policy.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Router router;

    private OpenAPI document;

    @BeforeAll
    void parse() {
        ApiClient.Response response = new ApiClient(server.getURL()).get("/openapi.json");
        assertEquals(200, response.status());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertEquals(List.of(), result.getMessages(), "the parser's validation messages");
        document = result.getOpenAPI();
        assertNotNull(document);
    }

    @Test
    void coversEveryEndpointOfTheApis() {
        Set<String> routes = router.uriRoutes()
                .filter(r -> !"HEAD".equals(r.getHttpMethodName()))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .filter(r -> r.contains(" /api/v1") || r.contains(" /hsds"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        assertTrue(routes.size() > 70, routes.size() + " routes");
        assertEquals(routes, documented);
    }

    @Test
    void describesTheHsdsParametersAndWhoMayCallWhat() {
        Operation services = document.getPaths().get("/hsds/services").getGet();
        Set<String> parameters = services.getParameters().stream().map(p -> p.getName()).collect(Collectors.toSet());
        assertTrue(parameters.containsAll(Set.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id",
                "modified_after", "postcode", "proximity", "page", "per_page", "full", "format")), parameters.toString());
        assertTrue(services.getSecurity() == null || services.getSecurity().isEmpty(), "public");
        Operation approve = document.getPaths().get("/api/v1/editor/changes/{id}/approve").getPost();
        assertEquals(Set.of("bearer", "session"), approve.getSecurity().stream().flatMap(r -> r.keySet().stream())
                .collect(Collectors.toSet()));
        assertTrue(document.getComponents().getSecuritySchemes().keySet().containsAll(Set.of("bearer", "session")));
        Map<String, PathItem> paths = document.getPaths();
        assertTrue(paths.get("/api/v1/search").getGet().getParameters().size() > 20, "search parameters documented");
        paths.forEach((path, item) -> item.readOperations().forEach(operation ->
                assertNotNull(operation.getTags(), path + " is grouped under a tag")));
    }

    @Test
    void theDocumentationPageShowsTheOperationsInABrowser() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.driver.get(server.getURL() + "/api-docs");
            chromium.wait.until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
            String paths = chromium.driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path")).collect(Collectors.joining(" "));
            assertTrue(paths.contains("/hsds/services/{id}") && paths.contains("/api/v1/search"), paths);
            assertEquals(List.of(), chromium.consoleErrors(), "no script errors and no CSP refusals");
        }
    }
}
