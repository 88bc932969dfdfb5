package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;

/**
 * Opens (or rebuilds) the index when the service starts, off the start-up thread: the server answers at once, and
 * search answers 503 with health DOWN until the index is ready.
 */
@Singleton
@Requires(property = "nestkaart.search.open-on-startup", value = "true", defaultValue = "true")
class SearchStartup {
    private final IndexMaintainer maintainer;

    SearchStartup(IndexMaintainer maintainer) {
        this.maintainer = maintainer;
    }

    @EventListener
    @Async(TaskExecutors.SCHEDULED)
    void onStartup(StartupEvent event) {
        maintainer.start();
    }
}
