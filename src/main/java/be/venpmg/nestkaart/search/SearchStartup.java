package be.venpmg.nestkaart.search;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Opens (or rebuilds) the index when the service starts, off the start-up thread and while the HTTP server starts:
 * the server answers at once, and search answers 503 with health DOWN until the index is ready. One search is asked
 * then, so that what the first search would load (vocabulary, concepts, places, spelling words) is loaded before
 * anyone waits for it. After that, the index files are checked against their checksums (a damaged index is rebuilt)
 * and the Dutch spelling dictionary is built: both would take a core from the start.
 */
@Singleton
@Requires(property = "nestkaart.search.open-on-startup", value = "true", defaultValue = "true")
class SearchStartup {
    private static final Logger LOG = LoggerFactory.getLogger(SearchStartup.class);
    // Providers: the search beans (analysers, synonyms, the index) are built on the start-up task's thread, while the
    // main thread starts the HTTP server, not before it.
    private final BeanProvider<IndexMaintainer> maintainer;
    private final BeanProvider<SearchService> search;
    private final BeanProvider<SpellingCorrector> spelling;
    private final String warmUpQuery;

    SearchStartup(BeanProvider<IndexMaintainer> maintainer, BeanProvider<SearchService> search,
                  BeanProvider<SpellingCorrector> spelling,
                  @Value("${nestkaart.search.warm-up-query:}") String warmUpQuery) {
        this.maintainer = maintainer;
        this.search = search;
        this.spelling = spelling;
        this.warmUpQuery = warmUpQuery;
    }

    @EventListener
    @Async(TaskExecutors.SCHEDULED)
    void onStartup(StartupEvent event) {
        maintainer.get().start();
        if (!warmUpQuery.isBlank()) {
            long started = System.nanoTime();
            try {
                search.get().search(new SearchRequest(warmUpQuery, null, Map.of(), null, null, null, null, null, null, null,
                        SearchRequest.Sort.RELEVANCE, 10, 1, SearchRequest.Audience.PARENTS));
                LOG.info("Search warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Search warm-up failed (the first search will load what it needs): {}", e.toString());
            }
        }
        maintainer.get().rebuildIfDamaged();
        spelling.get().prepare();
    }
}
