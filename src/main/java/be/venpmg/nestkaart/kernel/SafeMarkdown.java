package be.venpmg.nestkaart.kernel;

import jakarta.inject.Singleton;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Text that editors write for public pages: Markdown, in which a safe subset of HTML may also be written. What it
 * renders is cleaned by an allow-list (jsoup), so a script, an event handler or a {@code javascript:} link never
 * reaches a page, whatever was stored; links open as ordinary links, marked {@code nofollow}.
 */
@Singleton
public class SafeMarkdown {
    private static final Safelist ALLOWED = Safelist.basic().addTags("h2", "h3", "h4");
    private static final Safelist WITH_IMAGES = Safelist.basic().addTags("h2", "h3", "h4")
            .addAttributes("img", "src", "alt");
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    /** The text as HTML that may be put on a page as it is. */
    public String html(String markdown) {
        String rendered = html.render(parser.parse(markdown == null ? "" : markdown));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(rendered, "", ALLOWED, output);
    }

    /**
     * The text as HTML with images, only those the site itself serves under {@code imagePath}: an image from
     * elsewhere would tell another server who reads the lesson.
     */
    public String htmlWithOwnImages(String markdown, String imagePath) {
        String rendered = html.render(parser.parse(markdown == null ? "" : markdown));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        Document cleaned = Jsoup.parseBodyFragment(Jsoup.clean(rendered, "", WITH_IMAGES, output));
        cleaned.select("img").forEach(img -> {
            String src = img.attr("src");
            if (!src.startsWith(imagePath) || src.contains("..") || src.contains("//")) {
                img.remove();
            }
        });
        cleaned.outputSettings(output);
        return cleaned.body().html();
    }

    /** The words of the text without its markup (for the search index and summaries). */
    public String plainText(String markdown) {
        String rendered = text.render(parser.parse(markdown == null ? "" : markdown));
        return Jsoup.parse(rendered).text();
    }
}
