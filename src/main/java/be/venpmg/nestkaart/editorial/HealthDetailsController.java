package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.access.Roles;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

/**
 * The health checks with their details (disk space, index age, outbox lag and state, database) for the editors who
 * keep the service running. {@code /health} tells everyone else only UP, STALE or DOWN: the details say too much about
 * the server to be shown to every signed-in account (red-team finding).
 */
@Secured(Roles.EDITOR)
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor/health")
class HealthDetailsController {
    private final HealthAggregator<HealthResult> aggregator;
    private final HealthIndicator[] indicators;

    HealthDetailsController(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators) {
        this.aggregator = aggregator;
        this.indicators = indicators;
    }

    /** The health of the database, the search index and the outbox, in detail (editors only). */
    @Get
    @SingleResult
    Publisher<HealthResult> health() {
        return aggregator.aggregate(indicators, HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS);
    }
}
