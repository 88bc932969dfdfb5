package be.venpmg.nestkaart.platform;

import io.micronaut.context.BeanLocator;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops the scheduled work (outbox polling, purges, daily rechecks) and waits for a running task to end before any
 * bean is destroyed. Without this a poll could run on while the pool and the embedded database shut down, and a
 * command such as {@code import} printed socket errors after reporting success.
 */
@Singleton
class BackgroundWorkStopsFirst {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkStopsFirst.class);
    private static final long WAIT_SECONDS = 30;

    private final BeanLocator beans;

    BackgroundWorkStopsFirst(BeanLocator beans) {
        this.beans = beans;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        beans.findBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED)).ifPresent(executor -> {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Scheduled work still running after {} s; shutting down anyway", WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
