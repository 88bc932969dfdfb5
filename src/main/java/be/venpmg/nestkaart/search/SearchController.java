package be.venpmg.nestkaart.search;

import java.util.List;

import be.venpmg.nestkaart.kernel.Problem;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /api/v1/search} and {@code /api/v1/suggest}. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Search")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {
    private static final String SERVER_TIMING = "Server-Timing";
    private final SearchService search;
    private final SearchRequestParser parser;
    private final SearchIndex index;
    private final SearchLog log;
    private final Suggester suggester;
    private final SearchMetrics metrics;

    SearchController(SearchService search, SearchRequestParser parser, SearchIndex index, SearchLog log,
                     Suggester suggester, SearchMetrics metrics) {
        this.search = search;
        this.parser = parser;
        this.index = index;
        this.log = log;
        this.suggester = suggester;
        this.metrics = metrics;
    }

    /**
     * Searches the published listings: free text in everyday words, facet filters (values of one facet OR-ed, facets
     * AND-ed; repeat a parameter for several values), region and distance, with facet counts, "bedoelde u" and a
     * search that widens rather than answer nothing.
     */
    @Get(value = "/search", produces = MediaType.APPLICATION_JSON)
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Free text, e.g. 'somber na de bevalling'")
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "service, organization, professional or course",
            schema = @Schema(allowableValues = {"service", "organization", "professional", "course"}))
    @Parameter(name = "careline", in = ParameterIn.QUERY, description = "Care line term code (0-3)")
    @Parameter(name = "module", in = ParameterIn.QUERY, description = "Care module term code (module 1-5)")
    @Parameter(name = "intervention", in = ParameterIn.QUERY, description = "Intervention term code")
    @Parameter(name = "problem", in = ParameterIn.QUERY, description = "Problem term code, e.g. ppd")
    @Parameter(name = "target_group", in = ParameterIn.QUERY, description = "Target group term code")
    @Parameter(name = "phase", in = ParameterIn.QUERY, description = "Phase term code (pregnancy, postpartum, ...)")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "Format term code (individueel, groep, ...)")
    @Parameter(name = "organization_type", in = ParameterIn.QUERY, description = "Organisation type term code")
    @Parameter(name = "language", in = ParameterIn.QUERY, description = "ISO 639 language code, e.g. nl")
    @Parameter(name = "reimbursement", in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"gratis", "terugbetaald", "remgeld", "niet_terugbetaald"}))
    @Parameter(name = "access", in = ParameterIn.QUERY, description = "direct access or by referral",
            schema = @Schema(allowableValues = {"direct", "referral"}))
    @Parameter(name = "recognition", in = ParameterIn.QUERY, description = "Recognition level of professionals",
            schema = @Schema(allowableValues = {"basiszorgverlener", "gespecialiseerd"}))
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "Course level",
            schema = @Schema(allowableValues = {"basis", "gespecialiseerd"}))
    @Parameter(name = "course_format", in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"online", "blended", "klassikaal"}))
    @Parameter(name = "accredited", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"ja", "nee"}))
    @Parameter(name = "upcoming", in = ParameterIn.QUERY, description = "Courses with a session to come",
            schema = @Schema(allowableValues = {"ja", "nee"}))
    @Parameter(name = "postcode", in = ParameterIn.QUERY, description = "Belgian postcode: centre of the distance "
            + "filter and sort")
    @Parameter(name = "near", in = ParameterIn.QUERY, description = "Postcode or municipality name as the centre")
    @Parameter(name = "lat", in = ParameterIn.QUERY, schema = @Schema(type = "number"))
    @Parameter(name = "lon", in = ParameterIn.QUERY, schema = @Schema(type = "number"))
    @Parameter(name = "radius_km", in = ParameterIn.QUERY, schema = @Schema(type = "number"))
    @Parameter(name = "municipality", in = ParameterIn.QUERY)
    @Parameter(name = "locality", in = ParameterIn.QUERY)
    @Parameter(name = "eerstelijnszone", in = ParameterIn.QUERY, description = "Primary-care zone")
    @Parameter(name = "province", in = ParameterIn.QUERY)
    @Parameter(name = "max_waiting_weeks", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
    @Parameter(name = "sort", in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"relevance", "distance", "name"}))
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
    @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
    @ApiResponse(responseCode = "200", description = "A page of result cards with facet counts, what the query was "
            + "understood as, how the search widened, and in a crisis the urgent help first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchAnswer.class)))
    HttpResponse<byte[]> search(HttpRequest<?> request) {
        requireIndex();
        long started = System.nanoTime();
        SearchRequest parsed = parser.parse(request.getParameters());
        ServedAnswer answer = search.served(parsed);
        long nanos = System.nanoTime() - started;
        metrics.searched(nanos);
        log.record(parsed, answer.total(), answer.widened(), answer.crisis(), nanos / 1_000_000);
        return HttpResponse.ok(answer.json(nanos / 1_000_000)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(SERVER_TIMING, serverTiming("search", nanos));
    }

    /** Autocomplete: listing names and vocabulary terms that complete what was typed. */
    @Get(value = "/suggest", produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Listing names and vocabulary terms that complete the text")
    HttpResponse<List<Suggester.Suggestion>> suggest(@Nullable @QueryValue String q) {
        requireIndex();
        long started = System.nanoTime();
        List<Suggester.Suggestion> suggestions = suggester.suggest(q == null ? "" : q);
        long nanos = System.nanoTime() - started;
        metrics.suggested(nanos);
        return HttpResponse.ok(suggestions).header(SERVER_TIMING, serverTiming("suggest", nanos));
    }

    /**
     * W3C Server-Timing: how long the server worked on the answer (parse, search, JSON), so a load test can tell server
     * latency from network and client time.
     */
    private static String serverTiming(String name, long nanos) {
        return name + ";dur=" + String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private void requireIndex() {
        if (!index.isReady()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The search index is being built; try again shortly.");
        }
    }
}
