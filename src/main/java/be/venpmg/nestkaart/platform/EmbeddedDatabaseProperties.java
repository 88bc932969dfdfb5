package be.venpmg.nestkaart.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the embedded MariaDB that serves when no external datasource URL is configured. {@code startTimeout}
 * is how long a start may take: generous, since a busy machine needs far more than the library's 30 s.
 */
@ConfigurationProperties("nestkaart.embedded-db")
public record EmbeddedDatabaseProperties(boolean enabled, int port, String database,
                                         @Bindable(defaultValue = "180s") Duration startTimeout) {
}
