package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.kernel.SafeMarkdown;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The published information pages for parents, as the public pages and the API show them. */
@Singleton
public class InformationPages {
    private final JdbcOperations jdbc;
    private final SafeMarkdown markdown;

    InformationPages(JdbcOperations jdbc, SafeMarkdown markdown) {
        this.jdbc = jdbc;
        this.markdown = markdown;
    }

    /** A page in the overview. */
    @Serdeable
    public record Summary(String slug, String path, String title, String summary) {
    }

    /**
     * A whole page: its body as sanitised HTML, the search its help link runs, its sources, and when the editors last
     * published or checked it.
     */
    @Serdeable
    public record Page(String slug, String path, String title, String summary, String html,
                       @Nullable String searchText, @Nullable String searchPath, @Nullable String sources,
                       @Nullable String verifiedOn) {
    }

    @ReadOnly
    public List<Summary> all() {
        return jdbc.prepareStatement("SELECT slug, title, summary FROM public_info_page ORDER BY created_at, title", s -> {
            List<Summary> pages = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pages.add(new Summary(rs.getString(1), path(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
            return pages;
        });
    }

    @ReadOnly
    public Optional<Page> bySlug(String slug) {
        return jdbc.prepareStatement("SELECT slug, title, summary, body, search_text, sources, verified_at "
                + "FROM public_info_page WHERE slug = ?", s -> {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(page(rs)) : Optional.empty();
            }
        });
    }

    private Page page(ResultSet rs) throws SQLException {
        String search = rs.getString(5);
        Timestamp verified = rs.getTimestamp(7);
        return new Page(rs.getString(1), path(rs.getString(1)), rs.getString(2), rs.getString(3),
                markdown.html(rs.getString(4)), search,
                search == null ? null : "/?q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"),
                rs.getString(6), verified == null ? null : verified.toLocalDateTime().toLocalDate().toString());
    }

    private static String path(String slug) {
        return "/informatie/" + slug;
    }
}
