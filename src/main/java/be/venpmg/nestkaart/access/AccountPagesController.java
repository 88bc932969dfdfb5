package be.venpmg.nestkaart.access;

import io.swagger.v3.oas.annotations.Hidden;
import be.venpmg.nestkaart.kernel.StaticPages;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

/**
 * The signed-in pages: the editors' workspace, a professional's own profile and a representative's organisation (all
 * fed by the JSON API).
 */
@Hidden // an HTML page, not part of the API document
@Controller
class AccountPagesController {
    private final StaticPages pages;

    AccountPagesController(StaticPages pages) {
        this.pages = pages;
    }

    @Get(value = "/redactie", produces = MediaType.TEXT_HTML)
    @Secured(Roles.EDITOR)
    HttpResponse<String> editors() {
        return HttpResponse.ok(pages.page("redactie.html")).header("Cache-Control", "no-store");
    }

    @Get(value = "/mijn-organisatie", produces = MediaType.TEXT_HTML)
    @Secured(Roles.REPRESENTATIVE)
    HttpResponse<String> organisation() {
        return HttpResponse.ok(pages.page("mijn-organisatie.html")).header("Cache-Control", "no-store");
    }

    @Get(value = "/mijn-profiel", produces = MediaType.TEXT_HTML)
    @Secured(Roles.PROFESSIONAL)
    HttpResponse<String> profile() {
        return HttpResponse.ok(pages.page("mijn-profiel.html")).header("Cache-Control", "no-store");
    }

    @Get(value = "/commissie", produces = MediaType.TEXT_HTML)
    @Secured(Roles.COMMISSION)
    HttpResponse<String> commission() {
        return HttpResponse.ok(pages.page("commissie.html")).header("Cache-Control", "no-store");
    }
}
