package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.platform.Database;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts in the database. E-mail addresses are compared lower-cased. */
@Singleton
public class AccountStore {
    private static final String COLUMNS =
            "id, email, display_name, role, professional_id, active, locked_until, created_at, password_hash, failed_logins";
    private final Database database;

    AccountStore(Database database) {
        this.database = database;
    }

    /** An account with what login needs to know. */
    public record Credentials(Account account, String passwordHash, int failedLogins) {
    }

    public Optional<Credentials> byEmail(String email) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM account WHERE email = ?", normalise(email));
    }

    public Optional<Account> byId(long id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id).map(Credentials::account);
    }

    public List<Account> all() throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM account ORDER BY email");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                accounts.add(read(rs).account());
            }
        }
        return accounts;
    }

    public long create(Connection c, String email, String displayName, String role, String professionalId,
                       String passwordHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO account (email, display_name, role, professional_id, "
                + "password_hash) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, normalise(email));
            s.setString(2, displayName);
            s.setString(3, role);
            s.setString(4, professionalId);
            s.setString(5, passwordHash);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public boolean emailTaken(Connection c, String email) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM account WHERE email = ?")) {
            s.setString(1, normalise(email));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Counts a failed login; from {@code maxFailures} on, the account is locked until {@code lockUntil}. */
    public void recordFailure(long id, int maxFailures, Instant lockUntil) throws SQLException {
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement("UPDATE account SET failed_logins = failed_logins + 1, "
                     + "locked_until = IF(failed_logins >= ?, ?, locked_until) WHERE id = ?")) {
            s.setInt(1, maxFailures);
            s.setTimestamp(2, Timestamp.from(lockUntil));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    public void recordSuccess(long id) throws SQLException {
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    public void setPassword(Connection c, long id, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE account SET password_hash = ?, password_changed_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
            s.setString(1, hash);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    public void setActive(Connection c, long id, boolean active) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE account SET active = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")) {
            s.setBoolean(1, active);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private Optional<Credentials> one(String sql, Object key) throws SQLException {
        try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(sql)) {
            if (key instanceof Long id) {
                s.setLong(1, id);
            } else {
                s.setObject(1, key, Types.VARCHAR);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Credentials read(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Account account = new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("role"), rs.getString("professional_id"), rs.getBoolean("active"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant());
        return new Credentials(account, rs.getString("password_hash"), rs.getInt("failed_logins"));
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
