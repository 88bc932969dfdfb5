package be.venpmg.nestkaart.kernel;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The HTML shells of {@code frontend-static/}, read once from the classpath. */
@Singleton
public class StaticPages {
    private final ResourceResolver resources;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    StaticPages(ResourceResolver resources) {
        this.resources = resources;
    }

    public String page(String name) {
        return pages.computeIfAbsent(name, this::read);
    }

    private String read(String name) {
        try (InputStream in = resources.getResourceAsStream("classpath:frontend-static/" + name)
                .orElseThrow(() -> new IllegalStateException("missing page " + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
