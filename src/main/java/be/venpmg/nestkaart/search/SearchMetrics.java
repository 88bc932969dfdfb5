package be.venpmg.nestkaart.search;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** What operations watch of search, published at /prometheus next to Micronaut's HTTP and JVM metrics. */
@Singleton
public class SearchMetrics {
    private final Timer searches;
    private final Timer suggestions;

    SearchMetrics(MeterRegistry registry, IndexMaintainer maintainer, SearchIndex index, AnswerCache answers) {
        searches = Timer.builder("nestkaart.search.latency")
                .description("Server-side time of a search: parse, query, facets, JSON")
                .publishPercentileHistogram().register(registry);
        suggestions = Timer.builder("nestkaart.suggest.latency").description("Server-side time of an autocomplete")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("nestkaart.outbox.lag.seconds", maintainer, m -> m.lag().toMillis() / 1000.0)
                .description("How long the oldest change waiting for the index had waited at the last poll")
                .register(registry);
        Gauge.builder("nestkaart.index.age.seconds", maintainer, m -> m.indexAge().toMillis() / 1000.0)
                .description("Time since the index last confirmed it holds every change (grows while the database is away)")
                .register(registry);
        Gauge.builder("nestkaart.index.ready", index, i -> i.isReady() ? 1 : 0)
                .description("1 when the search index is open and complete").register(registry);
        // Whether repeated searches are answered from memory: the share of hits is what realistic traffic gains.
        FunctionCounter.builder("nestkaart.search.answer.cache.hits", answers, AnswerCache::hits)
                .description("Searches answered from the answer cache").register(registry);
        FunctionCounter.builder("nestkaart.search.answer.cache.misses", answers, AnswerCache::misses)
                .description("Searches computed on the index (and then cached)").register(registry);
        Gauge.builder("nestkaart.search.answer.cache.answers", answers, AnswerCache::size)
                .description("Answers held by the answer cache").register(registry);
        Gauge.builder("nestkaart.search.answer.cache.bytes", answers, AnswerCache::bytes)
                .description("Bytes of JSON held by the answer cache (bounded by answer-cache.max-size)")
                .register(registry);
    }

    void searched(long nanos) {
        searches.record(nanos, TimeUnit.NANOSECONDS);
    }

    void suggested(long nanos) {
        suggestions.record(nanos, TimeUnit.NANOSECONDS);
    }
}
