package be.venpmg.nestkaart.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Points the default datasource at the embedded MariaDB when no URL is configured
 * (DATASOURCES_DEFAULT_URL or datasources.default.url), before its own initialisation and before the pool and Flyway see it.
 */
@Singleton
@Requires(property = "nestkaart.embedded-db.enabled", value = "true")
class EmbeddedDatasourceWiring implements BeanInitializedEventListener<DatasourceConfiguration> {
    private final Provider<EmbeddedMariaDb> embeddedMariaDb;

    EmbeddedDatasourceWiring(Provider<EmbeddedMariaDb> embeddedMariaDb) {
        this.embeddedMariaDb = embeddedMariaDb;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getConfiguredUrl();
        if ("default".equals(configuration.getName()) && (url == null || url.isBlank())) {
            String embeddedUrl = embeddedMariaDb.get().jdbcUrl();
            configuration.setUrl(embeddedUrl);
            configuration.setJdbcUrl(embeddedUrl);
        }
        return configuration;
    }
}
