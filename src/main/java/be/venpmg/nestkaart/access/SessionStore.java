package be.venpmg.nestkaart.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side sessions with an idle timeout and an absolute lifetime. The token is random (256 bits) and only its
 * SHA-256 is stored; logging out deletes the row, so a stolen token stops working at once.
 */
@Singleton
public class SessionStore {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final java.time.Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    SessionStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, java.time.Clock clock,
                 @Value("${nestkaart.security.session-idle-timeout}") Duration idle,
                 @Value("${nestkaart.security.session-max-age}") Duration maxAge) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** A new session: the token for the client, the CSRF token for its forms. */
    public record Issued(String token, String csrfToken, Instant expiresAt) {
    }

    /** A live session. */
    public record Live(long accountId, String csrfToken, Instant expiresAt) {
    }

    @Transactional
    public Issued open(long accountId) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = clock.instant().plus(idle.compareTo(maxAge) < 0 ? idle : maxAge);
        jdbc.prepareStatement(
                "INSERT INTO account_session (token_hash, account_id, csrf_token, expires_at, created_at, last_seen_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, hash(token));
                    s.setLong(2, accountId);
                    s.setString(3, csrf);
                    s.setTimestamp(4, Timestamp.from(expires));
                    s.setTimestamp(5, Timestamp.from(clock.instant()));
                    s.setTimestamp(6, Timestamp.from(clock.instant()));
                    return s.executeUpdate();
                });
        return new Issued(token, csrf, expires);
    }

    /** The live session of {@code token}, its idle deadline pushed forward; empty when unknown or expired. */
    /** A session found, and whether its idle deadline moves far enough to be written. */
    private record Found(Live live, boolean touch) {
    }

    @Transactional
    public Optional<Live> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Optional<Found> found = jdbc.prepareStatement("SELECT s.account_id, s.csrf_token, s.expires_at, s.created_at "
                + "FROM account_session s JOIN account a ON a.id = s.account_id "
                + "WHERE s.token_hash = ? AND s.expires_at > ? AND a.active", s -> {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Found>empty();
                }
                Instant absolute = rs.getTimestamp(4).toInstant().plus(maxAge);
                Instant next = clock.instant().plus(idle);
                Instant stored = rs.getTimestamp(3).toInstant();
                Live live = new Live(rs.getLong(1), rs.getString(2), next.isBefore(absolute) ? next : absolute);
                // Moving the idle deadline by less than a minute is not worth a write on every request.
                return Optional.of(live.expiresAt().isBefore(stored.plus(TOUCH_EVERY))
                        ? new Found(new Live(live.accountId(), live.csrfToken(), stored), false)
                        : new Found(live, true));
            }
        });
        found.filter(Found::touch).ifPresent(f -> jdbc.prepareStatement(
                "UPDATE account_session SET expires_at = ?, last_seen_at = ? WHERE token_hash = ?", s -> {
                    s.setTimestamp(1, Timestamp.from(f.live().expiresAt()));
                    s.setTimestamp(2, Timestamp.from(clock.instant()));
                    s.setString(3, key);
                    return s.executeUpdate();
                }));
        return found.map(Found::live);
    }

    @Transactional
    public void close(String token) {
        jdbc.prepareStatement("DELETE FROM account_session WHERE token_hash = ?", s -> {
            s.setString(1, hash(token));
            return s.executeUpdate();
        });
    }

    /** Ends every session of an account (password change, deactivation), in the caller's transaction. */
    @Transactional
    public void closeAll(long accountId) {
        jdbc.prepareStatement("DELETE FROM account_session WHERE account_id = ?", s -> {
            s.setLong(1, accountId);
            return s.executeUpdate();
        });
    }

    /** Expired sessions are useless already; deleting them keeps the table small. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    public void purgeExpired() {
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "DELETE FROM account_session WHERE expires_at <= ?", s -> {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    return s.executeUpdate();
                }));
    }

    public Duration maxAge() {
        return maxAge;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
