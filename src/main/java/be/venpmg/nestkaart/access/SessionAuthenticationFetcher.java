package be.venpmg.nestkaart.access;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Finds the account behind a request: the session cookie of the browser pages, or {@code Authorization: Bearer}
 * for API clients. The database is asked on the blocking pool, never on the event loop.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String VIA = "via";
    private final SessionStore sessions;
    private final AccountStore accounts;
    private final ExecutorService blocking;

    SessionAuthenticationFetcher(SessionStore sessions, AccountStore accounts,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim());
        Optional<String> cookie = request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue);
        if (bearer.isEmpty() && cookie.isEmpty()) {
            return Publishers.empty();
        }
        String token = bearer.orElseGet(cookie::get);
        String via = bearer.isPresent() ? "bearer" : "cookie";
        return Mono.fromCallable(() -> lookUp(token, via)).subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private Authentication lookUp(String token, String via) {
            Optional<SessionStore.Live> live = sessions.find(token);
            if (live.isEmpty()) {
                return null;
            }
            Optional<Account> account = accounts.byId(live.get().accountId()).filter(Account::active);
            return account.map(a -> Authentication.build(a.email(), Roles.granted(a.role()), Map.of(
                    CurrentAccount.ACCOUNT_ID, a.id(),
                    CurrentAccount.DISPLAY_NAME, a.displayName(),
                    CurrentAccount.PROFESSIONAL_ID, a.professionalId() == null ? "" : a.professionalId(),
                    CurrentAccount.ORGANIZATION_ID, a.organizationId() == null ? "" : a.organizationId(),
                    CurrentAccount.CSRF, live.get().csrfToken(),
                    VIA, via))).orElse(null);
    }
}
