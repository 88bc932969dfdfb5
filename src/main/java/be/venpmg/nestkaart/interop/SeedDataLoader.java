package be.venpmg.nestkaart.interop;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.venpmg.nestkaart.guidance.InformationPageSeed;
import be.venpmg.nestkaart.kernel.Resources;
import be.venpmg.nestkaart.training.CourseSeedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the packaged seed dataset when the service starts on a database without any listing. */
@Singleton
@Requires(property = "nestkaart.seed.enabled", value = "true")
public class SeedDataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SeedDataLoader.class);

    // Providers: on a database that holds listings (every start but the first) none of these is built.
    private final ImportProvenance provenance;
    private final BeanProvider<HsdsImporter> importer;
    private final Resources resources;
    private final String dataset;
    private final BeanProvider<CourseSeedLoader> courses;
    private final BeanProvider<InformationPageSeed> pages;

    SeedDataLoader(ImportProvenance provenance, BeanProvider<HsdsImporter> importer, Resources resources,
                   @Value("${nestkaart.seed.dataset}") String dataset, BeanProvider<CourseSeedLoader> courses,
                   BeanProvider<InformationPageSeed> pages) {
        this.provenance = provenance;
        this.courses = courses;
        this.pages = pages;
        this.importer = importer;
        this.resources = resources;
        this.dataset = dataset;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!provenance.nothingImported()) {
            return;
        }
        try (InputStream in = resources.open(dataset)
                .orElseThrow(() -> new IllegalStateException("Seed dataset not found: " + dataset))) {
            ImportReport report = importer.get().importDataset(in, "seed-data", "system:seed");
            LOG.info("Seed data loaded: {} listings", report.listings());
            LOG.info("Seed courses loaded: {}", courses.get().load());
            LOG.info("Seed information pages loaded: {}", pages.get().load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
