package be.venpmg.nestkaart.directory;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The address of a listing's entry in the Flemish sociale kaart, from the identifier editors record and the address
 * pattern in configuration ({@code nestkaart.sociale-kaart.url-template}, with {@code {id}}), so a change of the
 * sociale kaart's addresses is a configuration change.
 */
@Singleton
public class SocialeKaartLinks {
    private final String template;

    SocialeKaartLinks(@Value("${nestkaart.sociale-kaart.url-template}") String template) {
        if (!template.startsWith("https://") || !template.contains("{id}")) {
            throw new IllegalStateException("nestkaart.sociale-kaart.url-template must be an https address with {id}");
        }
        this.template = template;
    }

    /** The link for an identifier, or null when none is known. */
    @Nullable
    public String link(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return template.replace("{id}", URLEncoder.encode(id.strip(), StandardCharsets.UTF_8));
    }
}
