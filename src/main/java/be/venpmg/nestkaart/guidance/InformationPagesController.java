package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.directory.ListingPageModels;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Information pages for parents: readable without JavaScript, and the same pages as JSON. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class InformationPagesController {
    private final InformationPages pages;
    private final SiteAddress site;

    InformationPagesController(InformationPages pages, SiteAddress site) {
        this.pages = pages;
        this.site = site;
    }

    @Hidden
    @Get(value = "/informatie", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> overview() {
        return new ModelAndView<>("informatie-overzicht", Map.of("pages", pages.all(),
                "canonical", site.baseUrl() + "/informatie"));
    }

    @Hidden
    @Get(value = "/informatie/{slug}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@PathVariable String slug) {
        InformationPages.Page page = pages.bySlug(slug).orElseThrow(() -> new NotFoundException("page", slug));
        var ld = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("@context", "https://schema.org").put("@type", "WebPage").put("name", page.title())
                .put("description", page.summary()).put("url", site.baseUrl() + page.path()).put("inLanguage", "nl-BE");
        ld.putObject("audience").put("@type", "PeopleAudience").put("audienceType", "ouders en aanstaande ouders");
        if (page.verifiedOn() != null) {
            ld.put("lastReviewed", page.verifiedOn());
        }
        return new ModelAndView<>("informatie", Map.of("page", page, "canonical", site.baseUrl() + page.path(),
                "jsonLd", ListingPageModels.jsonLd(ld)));
    }

    /** The published information pages for parents. */
    @Tag(name = "Guidance")
    @Get(value = "/api/v1/pages", produces = MediaType.APPLICATION_JSON)
    List<InformationPages.Summary> list() {
        return pages.all();
    }

    /** One information page, its body as sanitised HTML. */
    @Tag(name = "Guidance")
    @Get(value = "/api/v1/pages/{slug}", produces = MediaType.APPLICATION_JSON)
    InformationPages.Page one(@PathVariable String slug) {
        return pages.bySlug(slug).orElseThrow(() -> new NotFoundException("page", slug));
    }
}
