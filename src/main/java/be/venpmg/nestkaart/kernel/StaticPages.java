package be.venpmg.nestkaart.kernel;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML shells of {@code frontend-static/}, read once from the classpath and branded ({@link SiteBranding}). */
@Singleton
public class StaticPages {
    private static final Pattern FOOTER = Pattern.compile("(?s)<footer class=\"site-footer ?([^\"]*)\">.*?</footer>");
    private static final Pattern BRAND = Pattern.compile("(<a class=\"brand\" href=\"[^\"]*\">)Nestkaart");
    private final Resources resources;
    private final SiteBranding branding;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    StaticPages(Resources resources, SiteBranding branding) {
        this.resources = resources;
        this.branding = branding;
    }

    /** The page with the site's name, logo and footer from configuration. */
    public String page(String name) {
        return pages.computeIfAbsent(name, file -> branded(read(file)));
    }

    private String branded(String html) {
        String withFooter = FOOTER.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                branding.footerHtml(m.group(1))));
        String withBrand = BRAND.matcher(withFooter).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + branding.brandHtml()));
        return withBrand.replace("– Nestkaart</title>", "– " + org.jsoup.nodes.Entities.escape(branding.name())
                + "</title>").replace("<title>Nestkaart –", "<title>" + org.jsoup.nodes.Entities.escape(branding.name())
                + " –");
    }

    private String read(String name) {
        try (InputStream in = resources.open("classpath:frontend-static/" + name)
                .orElseThrow(() -> new IllegalStateException("missing page " + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
