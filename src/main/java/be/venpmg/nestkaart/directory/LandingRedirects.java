package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;

/**
 * A landing address ({@code /hulp}) leads to its page. A filter rather than a route: the names are configuration, and
 * a route with a variable first segment would compete with every page of the site.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class LandingRedirects {
    private final LandingUrls landing;

    LandingRedirects(LandingUrls landing) {
        this.landing = landing;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> redirect(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        return landing.target(request.getPath()).<HttpResponse<?>>map(target -> HttpResponse.seeOther(URI.create(target)))
                .orElse(null);
    }
}
