package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;

/** A public page for the sitemap: its path segment ("aanbod"), the listing's id and name, when it last changed. */
@Introspected
public record SitemapEntry(String segment, String id, String name, @Nullable LocalDateTime updatedAt) {
}
