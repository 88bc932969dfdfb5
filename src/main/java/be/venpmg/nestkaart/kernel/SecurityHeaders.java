package be.venpmg.nestkaart.kernel;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response: scripts and styles only from this site, no framing, no MIME sniffing,
 * no referrer sent elsewhere; HSTS when the site runs on https.
 */
@ServerFilter("/**")
class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final java.util.regex.Pattern PRIVATE =
            java.util.regex.Pattern.compile("/api/v1/(editor|me|my-organization|admin|auth|commission)(/|$)"
                    + "|/redactie|/mijn-profiel|/mijn-organisatie|/commissie|/inloggen");
    private final SiteAddress site;

    SecurityHeaders(SiteAddress site) {
        this.site = site;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.isSecure() || site.secure()) {
            // Only over TLS: a browser must learn it from an https response, and a plain-http site would lock itself out.
            response.getHeaders().add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (PRIVATE.matcher(request.getPath()).lookingAt()) {
            // Answers about accounts and unpublished work must not stay in shared or browser caches.
            response.getHeaders().add("Cache-Control", "no-store");
        }
        response.getHeaders()
                .add("Content-Security-Policy", CSP)
                .add("X-Content-Type-Options", "nosniff")
                .add("Referrer-Policy", "same-origin")
                .add("X-Frame-Options", "DENY");
    }
}
