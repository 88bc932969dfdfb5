package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.Revisions;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a password and opens a session. Throttled twice: an account locks for {@code lockout} after
 * {@code max-failures} wrong passwords in a row (kept in the database, so every replica sees it), and one client
 * address gets at most {@code per-address} failed attempts per {@code lockout} window (kept in memory).
 */
@Singleton
public class LoginService {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Revisions revisions;
    private final java.time.Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final int perAddress;
    private final Map<String, Deque<Long>> failuresByAddress = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> failuresByEmail = new ConcurrentHashMap<>();

    LoginService(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, Revisions revisions,
                 java.time.Clock clock,
                 @Value("${nestkaart.security.login.max-failures}") int maxFailures,
                 @Value("${nestkaart.security.login.lockout}") Duration lockout,
                 @Value("${nestkaart.security.login.per-address}") int perAddress) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.revisions = revisions;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.perAddress = perAddress;
    }

    /** The outcome of a login attempt: a session, or why not (never whether the address has an account). */
    public sealed interface Outcome {
        record SignedIn(Account account, SessionStore.Issued session) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    public Outcome login(String email, String password, String clientAddress) {
        if (tooMany(failuresByAddress, clientAddress, perAddress)) {
            return new Outcome.Throttled(lockout);
        }
        var found = email == null ? java.util.Optional.<AccountStore.Credentials>empty() : accounts.byEmail(email);
        boolean matches = hasher.matches(password == null ? "" : password,
                found.map(AccountStore.Credentials::passwordHash).orElse(null));
        if (found.isEmpty() || !found.get().account().active()) {
            // An address without an account locks like one with an account, so the answers never tell them apart.
            String key = "email:" + AccountStore.normalise(String.valueOf(email));
            if (tooMany(failuresByEmail, key, maxFailures)) {
                return new Outcome.Throttled(lockout);
            }
            noteFailure(failuresByEmail, key);
            noteFailure(failuresByAddress, clientAddress);
            return new Outcome.Refused();
        }
        Account account = found.get().account();
        Instant now = clock.instant();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            noteFailure(failuresByAddress, clientAddress);
            return new Outcome.Throttled(Duration.between(now, account.lockedUntil()));
        }
        if (!matches) {
            noteFailure(failuresByAddress, clientAddress);
            accounts.recordFailure(account.id(), maxFailures, now.plus(lockout));
            return new Outcome.Refused();
        }
        accounts.recordSuccess(account.id());
        SessionStore.Issued session = sessions.open(account.id());
        revisions.record("account", String.valueOf(account.id()), "signed_in", account.email(), account.id(), null,
                null);
        return new Outcome.SignedIn(account, session);
    }

    /** Whether {@code key} failed {@code limit} times within the lockout window (older failures are forgotten). */
    private boolean tooMany(Map<String, Deque<Long>> failures, String key, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            long horizon = clock.millis() - lockout.toMillis();
            while (!times.isEmpty() && times.peekFirst() < horizon) {
                times.pollFirst();
            }
            if (times.isEmpty()) {
                failures.remove(key, times);
            }
            return times.size() >= limit;
        }
    }

    private void noteFailure(Map<String, Deque<Long>> failures, String key) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.millis());
        }
    }
}
