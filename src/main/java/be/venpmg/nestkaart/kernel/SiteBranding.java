package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Entities;

/**
 * The site's name, logo, network and contact, from configuration ({@code nestkaart.site}), so the network can
 * rebrand without a release. One footer for every page: the server-rendered pages and the static shells
 * ({@link StaticPages}) both take it from here.
 */
@Singleton
public class SiteBranding {
    private final String name;
    private final String logo;
    private final String network;
    @Nullable
    private final String networkUrl;
    @Nullable
    private final String contactEmail;

    SiteBranding(@Value("${nestkaart.site.name}") String name, @Value("${nestkaart.site.logo}") String logo,
                 @Value("${nestkaart.site.network}") String network,
                 @Nullable @Value("${nestkaart.site.network-url:}") String networkUrl,
                 @Nullable @Value("${nestkaart.site.contact-email:}") String contactEmail) {
        this.name = name;
        this.logo = logo;
        this.network = network;
        this.networkUrl = blank(networkUrl) ? null : networkUrl;
        this.contactEmail = blank(contactEmail) ? null : contactEmail;
        if (this.networkUrl != null && !WebAddress.isWebAddress(this.networkUrl)) {
            throw new IllegalStateException("nestkaart.site.network-url must be an http(s) address");
        }
    }

    public String name() {
        return name;
    }

    public String logo() {
        return logo;
    }

    public String network() {
        return network;
    }

    @Nullable
    public String networkUrl() {
        return networkUrl;
    }

    @Nullable
    public String contactEmail() {
        return contactEmail;
    }

    /** The inside of the header's brand link: the logo and the name. */
    public String brandHtml() {
        return "<img src=\"" + attribute(logo) + "\" alt=\"\" width=\"28\" height=\"28\" class=\"brand-logo\"> "
                + text(name);
    }

    /** The footer every page ends with: who runs the site, urgent help, contact, privacy, the ways in. */
    public String footerHtml(String extraClass) {
        String networkText = networkUrl == null ? text(network)
                : "<a href=\"" + attribute(networkUrl) + "\" rel=\"noopener\">" + text(network) + "</a>";
        String contact = contactEmail == null ? ""
                : "Contact: <a href=\"mailto:" + attribute(contactEmail) + "\">" + text(contactEmail) + "</a> · ";
        return "<footer class=\"site-footer" + (extraClass.isEmpty() ? "" : " " + attribute(extraClass)) + "\">"
                + "<div class=\"wrap\"><p>" + text(name) + " is de sociale kaart en het opleidingsaanbod voor "
                + "perinatale en infant mentale gezondheid in Vlaanderen en Brussel, van het " + networkText + ". "
                + "Is er acuut gevaar? Bel <a href=\"tel:112\">112</a>. Zelfmoordgedachten? Bel de Zelfmoordlijn "
                + "<a href=\"tel:1813\">1813</a>.</p><p>" + contact
                + "<a href=\"/privacy\">Privacy</a> · <a href=\"/informatie\">Informatie voor ouders</a> · "
                + "<a href=\"/verwijshulp\">Verwijshulp voor professionals</a> · "
                + "<a href=\"/meld-nieuw-aanbod\">Meld een nieuw aanbod</a></p></div></footer>";
    }

    private static String text(String value) {
        return Entities.escape(value);
    }

    private static String attribute(String value) {
        return Entities.escape(value).replace("\"", "&quot;");
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
