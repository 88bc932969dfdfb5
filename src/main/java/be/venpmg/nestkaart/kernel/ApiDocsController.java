package be.venpmg.nestkaart.kernel;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;


/**
 * The OpenAPI document micronaut-openapi generated from the controllers at build time, and the page that browses it.
 */
@Hidden // documentation of the API, not part of it
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class ApiDocsController {
    private final StaticPages pages;
    private final OpenApiDocument document;

    ApiDocsController(StaticPages pages, OpenApiDocument document) {
        this.pages = pages;
        this.document = document;
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    String openApi() {
        return document.forSite();
    }

    @Get(value = "/api-docs", produces = MediaType.TEXT_HTML)
    String page() {
        return pages.page("api-docs.html");
    }
}
