package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.Inserts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The store of accounts. E-mail addresses are compared lower-cased. Writes join the caller's transaction. */
@Singleton
public class AccountStore {
    private static final String COLUMNS =
            "id, email, display_name, role, professional_id, active, locked_until, created_at, password_hash, failed_logins, "
            + "organization_id";
    private final JdbcOperations jdbc;
    private final Clock clock;

    AccountStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An account with what login needs to know. */
    public record Credentials(Account account, String passwordHash, int failedLogins) {
    }

    @ReadOnly
    public Optional<Credentials> byEmail(String email) {
        return one("SELECT " + COLUMNS + " FROM account WHERE email = ?", normalise(email));
    }

    @ReadOnly
    public Optional<Account> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id).map(Credentials::account);
    }

    @ReadOnly
    public List<Account> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM account ORDER BY email", s -> {
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.add(read(rs).account());
                }
            }
            return accounts;
        });
    }

    @Transactional
    public long create(String email, String displayName, String role, String professionalId, String organizationId,
                       String passwordHash, boolean active) {
        return Inserts.returningKey(jdbc, "INSERT INTO account (email, display_name, role, professional_id, "
                + "organization_id, password_hash, active, created_at, password_changed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            Timestamp now = Timestamp.from(clock.instant());
            s.setString(1, normalise(email));
            s.setString(2, displayName);
            s.setString(3, role);
            s.setString(4, professionalId);
            s.setString(5, organizationId);
            s.setString(6, passwordHash);
            s.setBoolean(7, active);
            s.setTimestamp(8, now);
            s.setTimestamp(9, now);
        });
    }

    @ReadOnly
    public boolean emailTaken(String email) {
        return exists("SELECT 1 FROM account WHERE email = ?", normalise(email));
    }

    @ReadOnly
    public boolean organizationExists(String id) {
        return exists("SELECT 1 FROM organization WHERE id = ?", id);
    }

    /** Deletes an account that never became active (a refused claim): nothing of the person is kept. */
    @Transactional
    public void deleteInactive(long id) {
        jdbc.prepareStatement("DELETE FROM account WHERE id = ? AND NOT active", s -> {
            s.setLong(1, id);
            return s.executeUpdate();
        });
    }

    @ReadOnly
    public boolean professionalExists(String id) {
        return exists("SELECT 1 FROM professional WHERE id = ?", id);
    }

    /** Counts a failed login; from {@code maxFailures} on, the account is locked until {@code lockUntil}. */
    @Transactional
    public void recordFailure(long id, int maxFailures, Instant lockUntil) {
        jdbc.prepareStatement("UPDATE account SET failed_logins = failed_logins + 1, "
                + "locked_until = IF(failed_logins >= ?, ?, locked_until) WHERE id = ?", s -> {
            s.setInt(1, maxFailures);
            s.setTimestamp(2, Timestamp.from(lockUntil));
            s.setLong(3, id);
            return s.executeUpdate();
        });
    }

    @Transactional
    public void recordSuccess(long id) {
        jdbc.prepareStatement("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?", s -> {
            s.setLong(1, id);
            return s.executeUpdate();
        });
    }

    @Transactional
    public void setPassword(long id, String hash) {
        jdbc.prepareStatement("UPDATE account SET password_hash = ?, password_changed_at = ? WHERE id = ?", s -> {
            s.setString(1, hash);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setLong(3, id);
            return s.executeUpdate();
        });
    }

    @Transactional
    public void setActive(long id, boolean active) {
        jdbc.prepareStatement("UPDATE account SET active = ?, failed_logins = 0, locked_until = NULL WHERE id = ?", s -> {
            s.setBoolean(1, active);
            s.setLong(2, id);
            return s.executeUpdate();
        });
    }

    private boolean exists(String sql, String key) {
        return jdbc.prepareStatement(sql, s -> {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Optional<Credentials> one(String sql, Object key) {
        return jdbc.prepareStatement(sql, s -> {
            if (key instanceof Long id) {
                s.setLong(1, id);
            } else {
                s.setObject(1, key, Types.VARCHAR);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Credentials>empty();
            }
        });
    }

    private static Credentials read(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Account account = new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("role"), rs.getString("professional_id"), rs.getBoolean("active"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getString("organization_id"));
        return new Credentials(account, rs.getString("password_hash"), rs.getInt("failed_logins"));
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
