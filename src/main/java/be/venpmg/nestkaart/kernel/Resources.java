package be.venpmg.nestkaart.kernel;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.Optional;

/**
 * Opens a configured resource: {@code classpath:name} from the class loader, anything else ({@code file:path})
 * through Micronaut's resolver. Micronaut's classpath loader opens the whole jar as a zip file system for every
 * read, to ask whether the name is a folder: with the packaged jar's 36,000 entries that is 50–100 ms a file, and the
 * start reads dozens of them (HSDS schemas, rules, mappings).
 */
@Singleton
public class Resources {
    private static final String CLASSPATH = "classpath:";
    private final ResourceResolver resolver;

    Resources(ResourceResolver resolver) {
        this.resolver = resolver;
    }

    public Optional<InputStream> open(String path) {
        if (path.startsWith(CLASSPATH)) {
            String name = path.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            return Optional.ofNullable(Resources.class.getClassLoader().getResourceAsStream(name));
        }
        return resolver.getResourceAsStream(path);
    }
}
