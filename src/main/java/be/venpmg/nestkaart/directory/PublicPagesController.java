package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.kernel.DatabaseOutageHandlers;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.StaticPages;
import be.venpmg.nestkaart.kernel.Slugs;

import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import be.venpmg.nestkaart.directory.ListingReader;
import be.venpmg.nestkaart.search.SearchService;
import io.micronaut.views.ModelAndView;
import io.micronaut.core.annotation.Nullable;
import be.venpmg.nestkaart.kernel.TextHygiene;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.ReportedFact;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public site: the search page, server-rendered detail pages at readable URLs (readable without JavaScript),
 * the shortlist page, sitemap.xml and the "meld een wijziging" form.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden // an HTML page, not part of the API document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicPagesController {
    private final ListingReader reader;
    private final ListingPageModels models;
    private final SuggestionQueue suggestions;
    private final SitemapRepository sitemap;
    private final StaticPages staticPages;
    private final SearchService search;

    PublicPagesController(ListingReader reader, ListingPageModels models, SuggestionQueue suggestions,
                          SitemapRepository sitemap, StaticPages staticPages, SearchService search) {
        this.reader = reader;
        this.models = models;
        this.suggestions = suggestions;
        this.sitemap = sitemap;
        this.staticPages = staticPages;
        this.search = search;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> searchPage() {
        return HttpResponse.ok(staticPages.page("index.html"));
    }

    @Get(value = "/kortelijst", produces = MediaType.TEXT_HTML)
    HttpResponse<String> shortlistPage() {
        return HttpResponse.ok(staticPages.page("kortelijst.html"));
    }

    @Get(value = "/aanbod/{id}{/slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> service(@PathVariable String id, @PathVariable @Nullable String slug,
                            @QueryValue @Nullable String gemeld) {
        return page("service", id, () -> reader.service(id).map(models::service), slug, gemeld, "aanbod");
    }

    @Get(value = "/organisatie/{id}{/slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> organization(@PathVariable String id, @PathVariable @Nullable String slug,
                                 @QueryValue @Nullable String gemeld) {
        return page("organization", id, () -> reader.organization(id).map(models::organization), slug, gemeld,
                "organisatie");
    }

    @Get(value = "/hulpverlener/{id}{/slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> professional(@PathVariable String id, @PathVariable @Nullable String slug,
                                 @QueryValue @Nullable String gemeld) {
        return page("professional", id, () -> reader.professional(id).map(models::professional), slug, gemeld,
                "hulpverlener");
    }

    @Post(value = "/meld-een-wijziging", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> suggestChange(HttpRequest<?> request, @Body Map<String, String> form) {
        String type = form.getOrDefault("listing_type", "");
        String id = form.getOrDefault("listing_id", "");
        String message = form.getOrDefault("message", "").strip();
        String value = form.getOrDefault("proposed_value", "").strip();
        ReportedFact fact = ClosedVocabulary.byCode(ReportedFact.class, form.getOrDefault("fact", ""))
                .orElse(ReportedFact.OTHER);
        String back = reader.pagePath(type, id).orElse(null);
        if (back == null) {
            throw new InvalidParameterException("listing_id", "no published listing of that kind with that id");
        }
        if ((message.isEmpty() && value.isEmpty() && fact != ReportedFact.CLOSED)
                || TextHygiene.problem(message).isPresent() || TextHygiene.problem(value).isPresent()
                || message.length() > SuggestionQueue.MAX_LENGTH || value.length() > SuggestionQueue.MAX_VALUE_LENGTH) {
            return HttpResponse.seeOther(URI.create(back + "?gemeld=leeg#meld"));
        }
        if (!suggestions.allow(request.getRemoteAddress().getAddress().getHostAddress())) {
            return HttpResponse.seeOther(URI.create(back + "?gemeld=teveel#meld"));
        }
        suggestions.submit(type, id, fact, value.isEmpty() ? null : value, message);
        return HttpResponse.seeOther(URI.create(back + "?gemeld=ja#meld"));
    }

    @Get(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<String> sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, models.baseUrl() + "/", null);
        url(xml, models.baseUrl() + "/opleidingen", null);
        for (String start : List.of("/voor-ouders", "/voor-professionals", "/informatie", "/verwijshulp")) {
            url(xml, models.baseUrl() + start, null);
        }
        for (SitemapEntry page : sitemap.entries()) {
            // An information page's address is its own slug; a listing's carries its name after the id.
            url(xml, models.baseUrl() + "/" + page.segment() + "/" + page.id()
                            + (page.segment().equals("informatie") ? "" : "/" + Slugs.of(page.name())),
                    page.updatedAt() == null ? null : page.updatedAt().toLocalDate().toString());
        }
        return HttpResponse.ok(xml.append("</urlset>\n").toString());
    }

    @Get(value = "/robots.txt", produces = MediaType.TEXT_PLAIN)
    String robots() {
        return "User-agent: *\nDisallow: /api/\nSitemap: " + models.baseUrl() + "/sitemap.xml\n";
    }

    /**
     * A detail page from the database; while the database cannot be reached, what the search index holds about the
     * listing (stale but served, and said so), or 503 when the index does not know it either.
     */
    private HttpResponse<?> page(String kind, String id, Supplier<Optional<Map<String, Object>>> model,
                                 @Nullable String slug, @Nullable String gemeld, String view) {
        Optional<Map<String, Object>> found;
        try {
            found = model.get();
        } catch (RuntimeException e) {
            if (!DatabaseOutageHandlers.isOutage(e)) {
                throw e;
            }
            Optional<Map<String, Object>> summary = search.storedSummary(kind, id);
            if (summary.isEmpty()) {
                throw e;
            }
            return HttpResponse.ok(new ModelAndView<>("uit-de-index", Map.of("listing", summary.get())))
                    .contentType(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store");
        }
        return DetailPage.render(found, slug, gemeld, view);
    }

    private static void url(StringBuilder xml, String location, @Nullable String lastModified) {
        xml.append("  <url><loc>").append(escapeXml(location)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
