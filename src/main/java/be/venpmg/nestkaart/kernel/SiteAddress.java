package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The site's absolute address for links that leave the page (canonical, sitemap, JSON-LD, .ics, the HSDS root):
 * {@code nestkaart.site.base-url} (NESTKAART_BASE_URL) when set, as a production site behind a proxy should;
 * otherwise the address the current request came to (Micronaut's host resolution, which also reads forwarded headers
 * when {@code micronaut.server.host-resolution} enables them), so a service on another port links to itself and not
 * to {@code localhost:8080} (red-team finding).
 */
@Singleton
public class SiteAddress {
    /** A Host header is the client's to choose: only a plain scheme, host name or address, and port is taken over. */
    private static final Pattern PLAIN_ORIGIN =
            Pattern.compile("https?://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");
    private final Optional<String> configured;
    private final Provider<HttpHostResolver> hosts;
    private final String withoutRequest;

    SiteAddress(@Value("${nestkaart.site.base-url:}") String configured, Provider<HttpHostResolver> hosts,
                @Value("http://localhost:${micronaut.server.port:8080}") String withoutRequest) {
        this.configured = Optional.of(configured.strip().replaceAll("/+$", "")).filter(url -> !url.isEmpty());
        this.hosts = hosts;
        this.withoutRequest = withoutRequest;
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return configured.orElseGet(() -> ServerRequestContext.currentRequest()
                .map(this::ofRequest)
                .orElse(withoutRequest));
    }

    private String ofRequest(HttpRequest<?> request) {
        String url = hosts.get().resolve(request);
        return PLAIN_ORIGIN.matcher(url).matches() ? url
                : (request.isSecure() ? "https" : "http") + "://localhost:" + request.getServerAddress().getPort();
    }

    /** Whether the site runs on https: cookies are then Secure and browsers are told to stay on https. */
    public boolean secure() {
        return baseUrl().startsWith("https:");
    }
}
