package be.venpmg.nestkaart.platform;

import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The application context of a command-line run ({@code import}, {@code reindex}): no HTTP server, no seed data, and
 * the search index opened by the command itself rather than in the background.
 */
public final class CommandLineContext {
    private CommandLineContext() {
    }

    public static ApplicationContext start() {
        return ApplicationContext.builder()
                .properties(Map.of("nestkaart.seed.enabled", false, "nestkaart.search.open-on-startup", false))
                .start();
    }
}
