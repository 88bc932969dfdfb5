package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;

/**
 * The two ways in: a start page for parents and one for professionals, each with its own search mode and most-used
 * paths; and the posters' side: the landing addresses with their QR codes for editors to download.
 */
@Hidden // HTML pages and images
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class EntryPagesController {
    private final LandingUrls landing;
    private final SiteAddress site;

    private final java.time.Duration searchLogRetention;

    EntryPagesController(LandingUrls landing, SiteAddress site,
                         @io.micronaut.context.annotation.Value("${nestkaart.search.log-retention}")
                         java.time.Duration searchLogRetention) {
        this.searchLogRetention = searchLogRetention;
        this.landing = landing;
        this.site = site;
    }

    /** One landing address as the posters page lists it. */
    record Landing(String name, String url, String target, String qr) {
    }

    @Get(value = "/voor-ouders", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> parents() {
        return new ModelAndView<>("voor-ouders", Map.of("canonical", site.baseUrl() + "/voor-ouders"));
    }

    @Get(value = "/voor-professionals", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> professionals() {
        return new ModelAndView<>("voor-professionals", Map.of("canonical", site.baseUrl() + "/voor-professionals"));
    }

    @Get(value = "/privacy", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> privacy() {
        return new ModelAndView<>("privacy", Map.of("canonical", site.baseUrl() + "/privacy",
                "searchLogDays", searchLogRetention.toDays()));
    }

    @Get(value = "/affiches", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> posters() {
        List<Landing> all = landing.all().entrySet().stream().map(e -> new Landing(e.getKey(),
                site.baseUrl() + "/" + e.getKey(), e.getValue(), "/qr/" + e.getKey() + ".svg")).toList();
        return new ModelAndView<>("affiches", Map.of("canonical", site.baseUrl() + "/affiches", "landings", all));
    }

    /** The QR code of a landing address, to print on a poster or flyer. */
    @Get(value = "/qr/{name}.svg", produces = "image/svg+xml")
    HttpResponse<String> qr(@PathVariable String name) {
        if (!landing.all().containsKey(name)) {
            throw new NotFoundException("landing address", name);
        }
        String url = site.baseUrl() + "/" + name;
        return HttpResponse.ok(QrCode.svg(url, "QR-code naar " + url))
                .header("Content-Disposition", "inline; filename=\"nestkaart-qr-" + name + ".svg\"");
    }
}
