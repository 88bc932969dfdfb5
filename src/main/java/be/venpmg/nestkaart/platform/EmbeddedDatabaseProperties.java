package be.venpmg.nestkaart.platform;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Settings of the embedded MariaDB that serves when no external datasource URL is configured. */
@ConfigurationProperties("nestkaart.embedded-db")
public record EmbeddedDatabaseProperties(boolean enabled, int port, String database) {
}
