package be.venpmg.nestkaart.kernel;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document micronaut-openapi generated from the controllers at build time, and the page that browses it.
 */
@Hidden // documentation of the API, not part of it
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class ApiDocsController {
    static final String DOCUMENT = "classpath:META-INF/swagger/nestkaart.json";

    private final StaticPages pages;
    private final byte[] document;

    ApiDocsController(StaticPages pages, ResourceResolver resources) {
        this.pages = pages;
        try (InputStream in = resources.getResourceAsStream(DOCUMENT)
                .orElseThrow(() -> new IllegalStateException("the build did not generate " + DOCUMENT))) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document);
    }

    @Get(value = "/api-docs", produces = MediaType.TEXT_HTML)
    String page() {
        return pages.page("api-docs.html");
    }
}
