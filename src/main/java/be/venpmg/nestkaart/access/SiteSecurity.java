package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/** What the security code needs to know about the site: whether it runs on https, who is asking. */
@Singleton
public class SiteSecurity {
    private final SiteAddress site;

    SiteSecurity(SiteAddress site) {
        this.site = site;
    }

    public boolean secure() {
        return site.secure();
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
