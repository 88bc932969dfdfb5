package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of a replica: DOWN (503) until the search index is open and complete; STALE (still 200, operational)
 * when the outbox could not be read lately — the database is unreachable, search and public pages answer from the
 * index as it was, and a load balancer should keep the replica in service.
 */
@Singleton
@Readiness
class SearchIndexHealth extends AbstractHealthIndicator<Map<String, Object>> {
    /*
     * Operational left null on purpose: Micronaut orders statuses by "operational" alone when both have it, so an
     * operational STALE would tie with the other indicators' UP and the aggregate would depend on which answered
     * first. With null it ranks between UP and DOWN, and the endpoint still answers 200 for it.
     */
    static final HealthStatus STALE = new HealthStatus("STALE",
            "answering from the search index; the database cannot be reached, so changes are not coming in", null, 500);

    private final SearchIndex index;
    private final IndexMaintainer maintainer;
    private final Duration staleAfter;

    SearchIndexHealth(SearchIndex index, IndexMaintainer maintainer,
                      @Value("${nestkaart.search.stale-after}") Duration staleAfter) {
        this.index = index;
        this.maintainer = maintainer;
        this.staleAfter = staleAfter;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ready", index.isReady());
        if (!index.isReady()) {
            healthStatus = HealthStatus.DOWN;
            return details;
        }
        Duration age = maintainer.indexAge();
        boolean stale = age.compareTo(staleAfter) > 0;
        healthStatus = stale ? STALE : HealthStatus.UP;
        details.put("stale", stale);
        details.put("index_age_seconds", age.toMillis() / 1000.0);
        details.put("outbox_lag_seconds", maintainer.lag().toMillis() / 1000.0);
        details.put("outbox_state", index.outboxState());
        return details;
    }

    @Override
    protected String getName() {
        return "searchIndex";
    }
}
