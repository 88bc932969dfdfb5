package be.venpmg.nestkaart.search;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {
    private final SearchService search;
    private final SearchRequestParser parser;
    private final SearchIndex index;
    private final SearchLog log;
    private final Suggester suggester;

    SearchController(SearchService search, SearchRequestParser parser, SearchIndex index, SearchLog log,
                     Suggester suggester) {
        this.search = search;
        this.parser = parser;
        this.index = index;
        this.log = log;
        this.suggester = suggester;
    }

    @Get(value = "/search", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> search(HttpRequest<?> request) {
        requireIndex();
        SearchRequest parsed = parser.parse(request.getParameters());
        ObjectNode response = search.search(parsed);
        log.record(parsed, response);
        return HttpResponse.ok(response.toString());
    }

    @Get(value = "/suggest", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> suggest(@Nullable @QueryValue String q) {
        requireIndex();
        return HttpResponse.ok(suggester.suggest(q == null ? "" : q).toString());
    }

    private void requireIndex() {
        if (!index.isReady()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The search index is being built; try again shortly.");
        }
    }
}
