package be.venpmg.nestkaart.search;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.kernel.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/**
 * The keyword research loop for editors: the most frequent queries and those that found nothing (before widening),
 * over the last {@code days} days.
 */
@Secured(Roles.EDITOR)
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor/search-stats")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchStatsController {
    private final SearchLog log;
    private final PageRequest.Limits limits;
    private final java.time.Clock clock;

    SearchStatsController(SearchLog log, PageRequest.Limits limits, java.time.Clock clock) {
        this.log = log;
        this.limits = limits;
        this.clock = clock;
    }

    /** What people search for and what finds nothing (no personal data). */
    @Get
    SearchLog.Stats stats(@Nullable @QueryValue String days, @Nullable @QueryValue String limit) {
        int span = PageRequest.wholeNumber("days", days, 30, 1, 366);
        return log.stats(clock.instant().minus(java.time.Duration.ofDays(span)), span,
                limits.parse(limit, null).limit());
    }
}
