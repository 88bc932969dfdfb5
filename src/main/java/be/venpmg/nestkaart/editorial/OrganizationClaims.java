package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.access.Account;
import be.venpmg.nestkaart.access.AccountAdmin;
import be.venpmg.nestkaart.access.AccountStore;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Inserts;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.Revisions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Claims: a representative asks to manage an organisation's listings (with an account that stays inactive), an
 * editor confirms (the account becomes active) or refuses (the account is deleted). Both decisions are revisions of
 * the organisation.
 */
@Singleton
public class OrganizationClaims {
    private static final String SELECT = """
            SELECT c.id, c.organization_id, o.name, a.email, a.display_name, c.message, c.status, c.created_at,
                   c.decision_reason, c.account_id
            FROM organization_claim c JOIN organization o ON o.id = c.organization_id
            LEFT JOIN account a ON a.id = c.account_id""";
    private static final int MAX_MESSAGE = 2000;
    private final JdbcOperations jdbc;
    private final AccountAdmin accountAdmin;
    private final AccountStore accounts;
    private final Revisions revisions;
    private final Clock clock;

    OrganizationClaims(JdbcOperations jdbc, AccountAdmin accountAdmin, AccountStore accounts, Revisions revisions,
                       Clock clock) {
        this.jdbc = jdbc;
        this.accountAdmin = accountAdmin;
        this.accounts = accounts;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** A claim as editors see it. */
    @Serdeable
    public record Claim(long id, String organizationId, String organizationName, @Nullable String email,
                        @Nullable String displayName, @Nullable String message, String status, Instant createdAt,
                        @Nullable String decisionReason) {
    }

    /** A representative's request: their (inactive) account and a note for the editors. */
    @Transactional
    public long submit(String organizationId, String displayName, String email, String password,
                       @Nullable String message) {
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new InvalidParameterException("message", "is langer dan " + MAX_MESSAGE + " tekens");
        }
        Account account = accountAdmin.requestRepresentative(email, displayName, organizationId, password);
        return Inserts.returningKey(jdbc, "INSERT INTO organization_claim (organization_id, account_id, message, "
                + "created_at) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, organizationId);
            s.setLong(2, account.id());
            s.setString(3, message == null || message.isBlank() ? null : message.strip());
            s.setTimestamp(4, Timestamp.from(clock.instant()));
        });
    }

    @ReadOnly
    public List<Claim> list(String status) {
        if (!List.of("new", "confirmed", "rejected").contains(status)) {
            throw new InvalidParameterException("status", "must be new, confirmed or rejected");
        }
        return jdbc.prepareStatement(SELECT + " WHERE c.status = ? ORDER BY c.created_at", s -> {
            s.setString(1, status);
            List<Claim> claims = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claims.add(read(rs));
                }
            }
            return claims;
        });
    }

    /** The representative may manage the organisation from now on. */
    @Transactional
    public Claim confirm(long id, CurrentAccount editor) {
        Open open = lockNew(id);
        decide(id, "confirmed", null, editor);
        accounts.setActive(open.accountId(), true);
        revisions.record("organization", open.organizationId(), "claim_confirmed", editor, null,
                Map.of("representative", Map.of("to", open.email())));
        return byId(id);
    }

    /** Refused: the account that was never active is deleted, so nothing of the person stays. */
    @Transactional
    public Claim reject(long id, @Nullable String reason, CurrentAccount editor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "zeg waarom de aanvraag geweigerd wordt");
        }
        Open open = lockNew(id);
        decide(id, "rejected", reason.strip(), editor);
        accounts.deleteInactive(open.accountId());
        revisions.record("organization", open.organizationId(), "claim_rejected", editor, reason.strip(), null);
        return byId(id);
    }

    private record Open(String organizationId, long accountId, String email) {
    }

    private Open lockNew(long id) {
        return jdbc.prepareStatement("SELECT c.organization_id, c.account_id, c.status, a.email "
                + "FROM organization_claim c LEFT JOIN account a ON a.id = c.account_id WHERE c.id = ? FOR UPDATE", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("claim", String.valueOf(id));
                }
                if (!"new".equals(rs.getString(3)) || rs.getObject(2) == null) {
                    throw RequestRefusedException.conflict("Over deze aanvraag is al beslist.");
                }
                return new Open(rs.getString(1), rs.getLong(2), rs.getString(4));
            }
        });
    }

    private void decide(long id, String status, @Nullable String reason, CurrentAccount editor) {
        jdbc.prepareStatement("UPDATE organization_claim SET status = ?, decided_by = ?, decided_at = ?, "
                + "decision_reason = ? WHERE id = ?", s -> {
            s.setString(1, status);
            s.setLong(2, editor.id());
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.setString(4, reason);
            s.setLong(5, id);
            return s.executeUpdate();
        });
    }

    private Claim byId(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE c.id = ?", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return read(rs);
            }
        });
    }

    private static Claim read(ResultSet rs) throws java.sql.SQLException {
        return new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9));
    }
}
