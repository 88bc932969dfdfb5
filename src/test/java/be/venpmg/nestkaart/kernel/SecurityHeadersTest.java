package be.venpmg.nestkaart.kernel;


import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSTS only where the site runs on https (a plain-http site would lock its visitors out); no-store on private answers. */
class SecurityHeadersTest {

    @Test
    void strictTransportSecurityOnlyOnHttps() {
        MutableHttpResponse<?> https = HttpResponse.ok();
        new SecurityHeaders(configured("https://nestkaart.be")).addHeaders(HttpRequest.GET("/"), https);
        assertTrue(https.getHeaders().get("Strict-Transport-Security").startsWith("max-age=31536000"));

        MutableHttpResponse<?> http = HttpResponse.ok();
        new SecurityHeaders(configured("http://localhost:8080")).addHeaders(HttpRequest.GET("/"), http);
        assertFalse(http.getHeaders().contains("Strict-Transport-Security"));
        assertTrue(http.getHeaders().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", http.getHeaders().get("X-Content-Type-Options"));
    }

    private static SiteAddress configured(String baseUrl) {
        return new SiteAddress(baseUrl, () -> null, "http://localhost:8080");
    }

    @Test
    void privateAnswersAreNotCached() {
        MutableHttpResponse<?> editor = HttpResponse.ok();
        new SecurityHeaders(configured("http://localhost")).addHeaders(HttpRequest.GET("/api/v1/editor/changes"), editor);
        assertEquals("no-store", editor.getHeaders().get("Cache-Control"));
        MutableHttpResponse<?> search = HttpResponse.ok();
        new SecurityHeaders(configured("http://localhost")).addHeaders(HttpRequest.GET("/api/v1/search"), search);
        assertFalse(search.getHeaders().contains("Cache-Control"));
    }
}
