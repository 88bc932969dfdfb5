package be.venpmg.nestkaart.interop;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.venpmg.nestkaart.guidance.InformationPageSeed;
import be.venpmg.nestkaart.training.CourseSeedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the packaged seed dataset when the service starts on a database without any listing. */
@Singleton
@Requires(property = "nestkaart.seed.enabled", value = "true")
public class SeedDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SeedDataLoader.class);

    private final HsdsImporter importer;
    private final ResourceResolver resources;
    private final String dataset;
    private final CourseSeedLoader courses;
    private final InformationPageSeed pages;

    SeedDataLoader(HsdsImporter importer, ResourceResolver resources,
                   @Value("${nestkaart.seed.dataset}") String dataset, CourseSeedLoader courses,
                   InformationPageSeed pages) {
        this.courses = courses;
        this.pages = pages;
        this.importer = importer;
        this.resources = resources;
        this.dataset = dataset;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!importer.nothingImported()) {
            return;
        }
        try (InputStream in = resources.getResourceAsStream(dataset)
                .orElseThrow(() -> new IllegalStateException("Seed dataset not found: " + dataset))) {
            ImportReport report = importer.importDataset(in, "seed-data", "system:seed");
            LOG.info("Seed data loaded: {} listings", report.listings());
            LOG.info("Seed courses loaded: {}", courses.load());
            LOG.info("Seed information pages loaded: {}", pages.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
