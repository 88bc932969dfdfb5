package be.venpmg.nestkaart.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URI;

/** What the security code needs to know about the site: its origin, whether it runs on https, who is asking. */
@Singleton
public class SiteSecurity {
    private final String origin;
    private final boolean secure;

    SiteSecurity(@Value("${nestkaart.site.base-url}") String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.origin = uri.getScheme() + "://" + uri.getRawAuthority();
        this.secure = "https".equalsIgnoreCase(uri.getScheme());
    }

    public boolean secure() {
        return secure;
    }

    public String origin() {
        return origin;
    }

    public String clientAddress(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    RequestRefusedException refusal(LoginService.Outcome outcome) {
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            return new RequestRefusedException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-in attempts; try "
                    + "again in " + Math.max(1, throttled.retryAfter().toMinutes()) + " minutes.");
        }
        return new RequestRefusedException(HttpStatus.UNAUTHORIZED, "Unknown e-mail address or wrong password.");
    }
}
