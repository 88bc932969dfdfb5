package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The current {@link IndexConfig}, reloaded when a file of the config folder changes (checked at most every few
 * seconds, on use), so editors of synonyms and boosts need no rebuild of the jar nor a restart.
 */
@Singleton
public class IndexConfigHolder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexConfigHolder.class);
    private static final long CHECK_EVERY_NANOS = 3_000_000_000L;

    private final Path folder;
    private volatile IndexConfig current;
    private volatile long lastModified;
    private volatile long lastCheck;

    IndexConfigHolder(@Value("${nestkaart.search.config-dir}") String folder) {
        this.folder = folder == null || folder.isBlank() ? null : Path.of(folder);
        this.lastModified = newestChange();
        this.current = IndexConfig.load(this.folder);
        LOG.info("Search configuration from {}", current.source());
    }

    public IndexConfig current() {
        long now = System.nanoTime();
        if (folder != null && now - lastCheck > CHECK_EVERY_NANOS) {
            lastCheck = now;
            long modified = newestChange();
            if (modified != lastModified) {
                reload(modified);
            }
        }
        return current;
    }

    private synchronized void reload(long modified) {
        try {
            IndexConfig fresh = IndexConfig.load(folder);
            if (!fresh.indexFingerprint().equals(current.indexFingerprint())) {
                LOG.warn("The index analysis in {} changed: the index is rebuilt at the next start", folder);
            }
            current = fresh;
            lastModified = modified;
            LOG.info("Search configuration reloaded from {}", fresh.source());
        } catch (RuntimeException e) {
            // A half-saved file must not take search down: keep the last good configuration.
            LOG.error("Search configuration in {} is invalid, keeping the previous one: {}", folder, e.getMessage());
            lastModified = modified;
        }
    }

    private long newestChange() {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        } catch (IOException e) {
            return lastModified;
        }
    }
}
