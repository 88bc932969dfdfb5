package be.venpmg.nestkaart.search;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** Health is DOWN (503) until the search index is open and complete. */
@Singleton
class SearchIndexHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final SearchIndex index;

    SearchIndexHealth(SearchIndex index) {
        this.index = index;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = index.isReady() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ready", index.isReady());
    }

    @Override
    protected String getName() {
        return "searchIndex";
    }
}
