package be.venpmg.nestkaart.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery: a state-changing request that rides on the browser's session cookie must carry the
 * session's CSRF token in {@code X-CSRF-Token} (synchronizer token) and, when the browser names an origin, come from
 * this site. Bearer-token clients are not exposed (browsers never add that header on their own) and pass.
 */
@Singleton
class CsrfRule implements SecurityRule<HttpRequest<?>> {
    static final String HEADER = "X-CSRF-Token";
    static final String REFUSED = "nestkaart.csrf-refused";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || authentication == null || SAFE.contains(request.getMethod())
                || !"cookie".equals(authentication.getAttributes().get(SessionAuthenticationFetcher.VIA))) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        String expected = String.valueOf(authentication.getAttributes().get(CurrentAccount.CSRF));
        String presented = request.getHeaders().get(HEADER);
        boolean tokenOk = presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
        if (tokenOk && sameOrigin(request)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        request.setAttribute(REFUSED, Boolean.TRUE);
        return Publishers.just(SecurityRuleResult.REJECTED);
    }

    static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get("Host");
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return -1000;
    }
}
