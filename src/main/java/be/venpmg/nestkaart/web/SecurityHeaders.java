package be.venpmg.nestkaart.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response: scripts and styles only from this site, no framing, no MIME sniffing,
 * no referrer sent elsewhere.
 */
@ServerFilter("/**")
class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.getHeaders()
                .add("Content-Security-Policy", CSP)
                .add("X-Content-Type-Options", "nosniff")
                .add("Referrer-Policy", "same-origin")
                .add("X-Frame-Options", "DENY");
    }
}
