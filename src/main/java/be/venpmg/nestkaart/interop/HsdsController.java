package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.cors.CrossOrigin;
import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.PageRequest;
import be.venpmg.nestkaart.kernel.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Open Referral HSDS 3.0 read API: published services, organisations, service at locations and the taxonomies,
 * in the shapes of the HSDS compiled schemas, with the paginated envelope of the HSDS API reference.
 */
// Public, read-only data without credentials: any site may read it from the browser. A pattern rather than "*" because
// Micronaut refuses "any origin" towards localhost (a guard for development servers that this data does not need).
@CrossOrigin(allowedOriginsRegex = ".*", allowCredentials = false, allowedMethods = HttpMethod.GET)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/hsds", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "HSDS 3.0", description = "Open Referral Human Services Data Specification 3.0 read API",
        externalDocs = @ExternalDocumentation(url = "https://docs.openreferral.org/en/latest/hsds/api_reference.html"))
class HsdsController {
    static final double MAX_PROXIMITY_METERS = 300_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HsdsQueries queries;
    private final HsdsDocuments documents;
    private final HsdsProfile profile;
    private final PostalCodeDirectory postalCodes;
    private final SiteAddress site;
    private final int defaultPerPage;
    private final int maxPerPage;

    HsdsController(HsdsQueries queries, HsdsDocuments documents, HsdsProfile profile, PostalCodeDirectory postalCodes,
                   SiteAddress site,
                   @Value("${nestkaart.hsds.per-page-default:50}") int defaultPerPage,
                   @Value("${nestkaart.hsds.per-page-max:500}") int maxPerPage) {
        this.queries = queries;
        this.documents = documents;
        this.profile = profile;
        this.postalCodes = postalCodes;
        this.site = site;
        this.defaultPerPage = defaultPerPage;
        this.maxPerPage = maxPerPage;
    }

    /** What this API is: the HSDS version, the profile and where its OpenAPI document lives. */
    @Get
    @ApiResponse(responseCode = "200", description = "About this API", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "index")))
    HttpResponse<String> index() {
        ObjectNode about = JSON.createObjectNode()
                .put("version", "3.0")
                .put("profile", HsdsProfile.url(site.baseUrl()))
                .put("openapi_url", site.baseUrl() + "/openapi.json");
        return ok(about);
    }

    /** The Nestkaart profile of HSDS: what it adds to HSDS, and where its schemas are. */
    @Get("/profile")
    @ApiResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(
            type = "object", description = "name, version, hsds_version, description, and schemas: file name → URL")))
    HttpResponse<String> profile() {
        return ok(profile.describe(site.baseUrl()));
    }

    /** A schema of the profile: the merge patch of an HSDS table, or the JSON Schema of an extension table. */
    @Get(value = "/profile/schema/{name}", produces = {MediaType.APPLICATION_JSON, "application/schema+json"})
    @ApiResponse(responseCode = "200", description = "The schema", content = @Content(schema = @Schema(
            type = "object", description = "A JSON Schema (draft 2020-12) or a JSON Merge Patch (RFC 7386) of one")))
    @ApiResponse(responseCode = "404", description = "No schema of this name in the profile")
    HttpResponse<String> profileSchema(@Parameter(description = "service.json, professional.json, ...")
                                       @PathVariable String name) {
        String bare = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return HttpResponse.ok(profile.schema(bare).orElseThrow(() -> new NotFoundException("profile schema", name))
                .toString());
    }

    /** Published services, one-to-one fields with their organisation; {@code full=true} nests everything. */
    @Get("/services")
    @ApiResponse(responseCode = "200", description = "A page of services", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "service_page")))
    @ApiResponse(responseCode = "400", description = "A parameter is unknown or has a bad value", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> services(@RequestBean ServiceFilterParameters filter,
            @Parameter(description = "true: fully nested services") @Nullable @QueryValue String full,
            @Parameter(description = "Not offered (the items would lack the name and status HSDS requires): use "
                    + "modified_after with per_page=500") @Nullable @QueryValue String minimal,
            @Parameter(description = "Page number, from 1") @Nullable @QueryValue String page,
            @Parameter(description = "Services per page") @Nullable @QueryValue("per_page") String perPage,
            @Parameter(description = "Only json is offered") @Nullable @QueryValue String format) {
        requireJson(format);
        if (flag("minimal", minimal)) {
            throw new InvalidParameterException("minimal", "not offered: ask modified_after with per_page=" + maxPerPage
                    + " for what changed");
        }
        PageRequest paging = paging(page, perPage);
        HsdsQueries.Selection selection = queries.services(filters(filter), paging);
        List<ObjectNode> services = documents.byIds("services", selection.ids());
        return ok(envelope(selection, paging, flag("full", full)
                ? documents.fullServices(services) : documents.serviceSummaries(services)));
    }

    /** One published service, fully nested. */
    @Get("/services/{id}")
    @ApiResponse(responseCode = "200", description = "The service", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "service")))
    @ApiResponse(responseCode = "404", description = "No published service with this id")
    HttpResponse<String> service(@PathVariable String id) {
        return ok(single(documents.fullServices(documents.byIds("services", List.of(id))), "service", id));
    }

    /** Published organisations, their own fields; {@code full=true} nests everything. */
    @Get("/organizations")
    @ApiResponse(responseCode = "200", description = "A page of organisations", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "organization_page")))
    @ApiResponse(responseCode = "400", description = "A parameter is unknown or has a bad value", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> organizations(
            @Parameter(description = "Free text, matched like the Nestkaart search") @Nullable @QueryValue String search,
            @Parameter(description = "true: fully nested organisations") @Nullable @QueryValue String full,
            @Parameter(description = "with full=true: nest the services in full")
            @Nullable @QueryValue("full_service") String fullService,
            @Parameter(description = "Page number, from 1") @Nullable @QueryValue String page,
            @Parameter(description = "Organisations per page") @Nullable @QueryValue("per_page") String perPage,
            @Parameter(description = "Only json is offered") @Nullable @QueryValue String format) {
        requireJson(format);
        PageRequest paging = paging(page, perPage);
        HsdsQueries.Selection selection = queries.organizations(textOnly(search), paging);
        List<ObjectNode> organizations = documents.byIds("organizations", selection.ids());
        // full_service=true asks for services nested in full, which only a full organisation has: it implies full=true.
        boolean nestServices = flag("full_service", fullService);
        return ok(envelope(selection, paging, flag("full", full) || nestServices
                ? documents.fullOrganizations(organizations, nestServices) : organizations));
    }

    /** One published organisation, fully nested; its services in full with {@code full_service=true}. */
    @Get("/organizations/{id}")
    @ApiResponse(responseCode = "200", description = "The organisation", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "organization")))
    @ApiResponse(responseCode = "404", description = "No published organisation with this id")
    HttpResponse<String> organization(@PathVariable String id,
                                      @Parameter(description = "true: nest the services in full")
                                      @Nullable @QueryValue("full_service") String fullService) {
        return ok(single(documents.fullOrganizations(documents.byIds("organizations", List.of(id)),
                flag("full_service", fullService)), "organization", id));
    }

    /** Where each published service is offered: service at locations with their location and service. */
    @Get("/service_at_locations")
    @ApiResponse(responseCode = "200", description = "A page of service at locations", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "service_at_location_page")))
    @ApiResponse(responseCode = "400", description = "A parameter is unknown or has a bad value", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> serviceAtLocations(@RequestBean ServiceFilterParameters filter,
            @Parameter(description = "true: fully nested") @Nullable @QueryValue String full,
            @Parameter(description = "Page number, from 1") @Nullable @QueryValue String page,
            @Parameter(description = "Items per page") @Nullable @QueryValue("per_page") String perPage,
            @Parameter(description = "Only json is offered") @Nullable @QueryValue String format) {
        requireJson(format);
        PageRequest paging = paging(page, perPage);
        HsdsQueries.Selection selection = queries.serviceAtLocations(filters(filter), paging);
        List<ObjectNode> sals = documents.byIds("service_at_locations", selection.ids());
        return ok(envelope(selection, paging, flag("full", full)
                ? documents.fullServiceAtLocations(sals, true) : documents.serviceAtLocationSummaries(sals)));
    }

    /** One service at location, fully nested with its location and service. */
    @Get("/service_at_locations/{id}")
    @ApiResponse(responseCode = "200", description = "The service at location", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "service_at_location")))
    @ApiResponse(responseCode = "404", description = "No public service at location with this id")
    HttpResponse<String> serviceAtLocation(@PathVariable String id) {
        List<ObjectNode> found = documents.byIds("service_at_locations", List.of(id));
        List<ObjectNode> visible = found.isEmpty() || documents.byIds("services",
                List.of(found.get(0).path("service_id").asText())).isEmpty()
                ? List.of() : documents.fullServiceAtLocations(found, true);
        return ok(single(visible, "service_at_location", id));
    }

    /** The controlled vocabularies (care line, module, problem, target group, …). */
    @Get("/taxonomies")
    @ApiResponse(responseCode = "200", description = "A page of taxonomies", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "taxonomy_page")))
    @ApiResponse(responseCode = "400", description = "A parameter is unknown or has a bad value", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> taxonomies(
            @Parameter(description = "Text in the name or description") @Nullable @QueryValue String search,
            @Parameter(description = "Page number, from 1") @Nullable @QueryValue String page,
            @Parameter(description = "Taxonomies per page") @Nullable @QueryValue("per_page") String perPage,
            @Parameter(description = "Only json is offered") @Nullable @QueryValue String format) {
        requireJson(format);
        PageRequest paging = paging(page, perPage);
        HsdsQueries.Selection selection = queries.taxonomies(textOnly(search), paging);
        return ok(envelope(selection, paging, documents.byIds("taxonomies", selection.ids())));
    }

    /** One taxonomy. */
    @Get("/taxonomies/{id}")
    @ApiResponse(responseCode = "200", description = "The taxonomy", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "taxonomy")))
    @ApiResponse(responseCode = "404", description = "No taxonomy with this id")
    HttpResponse<String> taxonomy(@PathVariable String id) {
        return ok(single(documents.byIds("taxonomies", List.of(id)), "taxonomy", id));
    }

    /** The terms of the vocabularies, each with its taxonomy as {@code taxonomy_detail}. */
    @Get("/taxonomy_terms")
    @ApiResponse(responseCode = "200", description = "A page of taxonomy terms", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "taxonomy_term_page")))
    @ApiResponse(responseCode = "400", description = "A parameter is unknown or has a bad value", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<String> taxonomyTerms(
            @Parameter(description = "Text in the name, code, description or an everyday synonym of the term")
            @Nullable @QueryValue String search,
            @Parameter(description = "Only terms of this taxonomy") @Nullable @QueryValue("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only the children of this term") @Nullable @QueryValue("parent_id") String parentId,
            @Parameter(description = "true: only terms without a parent") @Nullable @QueryValue("top_only") String topOnly,
            @Parameter(description = "Page number, from 1") @Nullable @QueryValue String page,
            @Parameter(description = "Terms per page") @Nullable @QueryValue("per_page") String perPage,
            @Parameter(description = "Only json is offered") @Nullable @QueryValue String format) {
        requireJson(format);
        PageRequest paging = paging(page, perPage);
        HsdsFilters filters = new HsdsFilters(blankToNull(search), List.of(), blankToNull(taxonomyId), null, null, null,
                null);
        HsdsQueries.Selection selection = queries.taxonomyTerms(filters, blankToNull(parentId), flag("top_only", topOnly),
                paging);
        return ok(envelope(selection, paging, documents.terms(documents.byIds("taxonomy_terms", selection.ids()))));
    }

    /** One taxonomy term. */
    @Get("/taxonomy_terms/{id}")
    @ApiResponse(responseCode = "200", description = "The taxonomy term", content = @Content(
            schema = @Schema(ref = HsdsOpenApi.REFERENCES + "taxonomy_term")))
    @ApiResponse(responseCode = "404", description = "No taxonomy term with this id")
    HttpResponse<String> taxonomyTerm(@PathVariable String id) {
        return ok(single(documents.terms(documents.byIds("taxonomy_terms", List.of(id))), "taxonomy term", id));
    }

    private HsdsFilters filters(ServiceFilterParameters filter) {
        String taxonomyTermId = filter.taxonomyTermId();
        String postcode = filter.postcode();
        String proximity = filter.proximity();
        List<String> termIds = taxonomyTermId == null ? List.of() : Arrays.stream(taxonomyTermId.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        String code = blankToNull(postcode);
        HsdsFilters.Near near = null;
        if (code != null) {
            List<PostalPlace> places = postalCodes.find(code.trim());
            if (places.isEmpty()) {
                throw new InvalidParameterException("postcode", "unknown Belgian postcode '" + code + "'");
            }
            if (blankToNull(proximity) != null) {
                PostalPlace centre = places.get(0);
                near = new HsdsFilters.Near(centre.latitude(), centre.longitude(), meters(proximity));
            }
            code = code.trim();
        } else if (blankToNull(proximity) != null) {
            throw new InvalidParameterException("proximity", "needs a postcode to measure from");
        }
        return new HsdsFilters(blankToNull(filter.search()), termIds, blankToNull(filter.taxonomyId()),
                blankToNull(filter.organizationId()), instant(filter.modifiedAfter()), code, near);
    }

    private static HsdsFilters textOnly(String search) {
        return new HsdsFilters(blankToNull(search), List.of(), null, null, null, null, null);
    }

    private static double meters(String text) {
        try {
            double meters = Double.parseDouble(text.trim());
            if (meters > 0 && meters <= MAX_PROXIMITY_METERS) {
                return meters;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("proximity", "must be a distance in metres between 1 and "
                + (long) MAX_PROXIMITY_METERS + ", was '" + text + "'");
    }

    private static Instant instant(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        // The ISO 8601 forms HSDS uses: a date-time with an offset, without one (taken as UTC, as the documents'
        // last_modified are), or a date.
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidParameterException("modified_after", "must be an ISO 8601 date-time "
                            + "(2026-01-31T09:00:00Z, 2026-01-31T09:00:00) or a date (2026-01-31), was '" + text + "'");
                }
            }
        }
    }

    private static boolean flag(String name, String text) {
        if (blankToNull(text) == null) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, "must be true or false, was '" + text + "'");
        };
    }

    private static void requireJson(String format) {
        if (blankToNull(format) != null && !"json".equalsIgnoreCase(format.trim())) {
            throw new InvalidParameterException("format", "only json is offered, was '" + format + "'");
        }
    }

    private PageRequest paging(String page, String perPage) {
        return new PageRequest(PageRequest.wholeNumber("per_page", perPage, defaultPerPage, 1, maxPerPage),
                PageRequest.wholeNumber("page", page, 1, 1, 1_000_000));
    }

    private static ObjectNode envelope(HsdsQueries.Selection selection, PageRequest paging, List<ObjectNode> contents) {
        long totalPages = (selection.total() + paging.limit() - 1) / paging.limit();
        ObjectNode page = JSON.createObjectNode()
                .put("total_items", selection.total())
                .put("total_pages", totalPages)
                .put("page_number", paging.page())
                .put("size", contents.size())
                .put("first_page", paging.page() == 1)
                .put("last_page", paging.page() >= totalPages)
                .put("empty", contents.isEmpty());
        page.putArray("contents").addAll(contents);
        return page;
    }

    private static ObjectNode single(List<ObjectNode> found, String kind, String id) {
        if (found.isEmpty()) {
            throw new NotFoundException(kind, id);
        }
        return found.get(0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static HttpResponse<String> ok(ObjectNode body) {
        return HttpResponse.ok(body.toString());
    }
}
