package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Revisions;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The editors' queue of "meld een wijziging" submissions: accept (opens a draft change) or reject with a reason. */
@Singleton
public class SuggestionReview {
    private final Database database;
    private final Workflow workflow;
    private final Revisions revisions;

    private final java.time.Clock clock;

    SuggestionReview(Database database, Workflow workflow, Revisions revisions, java.time.Clock clock) {
        this.clock = clock;
        this.database = database;
        this.workflow = workflow;
        this.revisions = revisions;
    }

    @Serdeable
    public record Suggestion(long id, String listingType, String listingId, String message, String status,
                             Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                             @Nullable String decisionReason) {
    }

    public List<Suggestion> list(String status, int limit) throws SQLException {
        if (!List.of("new", "accepted", "rejected").contains(status)) {
            throw new InvalidParameterException("status", "must be new, accepted or rejected");
        }
        List<Suggestion> found = new ArrayList<>();
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement("SELECT id, listing_type, listing_id, message, status, created_at, "
                     + "decided_by, decided_at, decision_reason FROM change_suggestion WHERE status = ? "
                     + "ORDER BY created_at LIMIT ?")) {
            s.setString(1, status);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    /** Accepts a suggestion: a draft change of its listing, carrying the suggestion as its reason, for editing. */
    public Change accept(long id, @Nullable String note, CurrentAccount actor) throws SQLException {
        Suggestion suggestion;
        try (Connection c = database.open()) {
            suggestion = byId(c, id);
        }
        if (!"new".equals(suggestion.status())) {
            throw RequestRefusedException.conflict("This suggestion was decided already.");
        }
        Change draft = workflow.propose(ListingKind.named(suggestion.listingType()), suggestion.listingId(), Map.of(),
                "Melding #" + id + ": " + suggestion.message(), actor, id);
        decide(id, "accepted", note, actor);
        return draft;
    }

    public Suggestion reject(long id, @Nullable String reason, CurrentAccount actor) throws SQLException {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "say why the suggestion is rejected");
        }
        return decide(id, "rejected", reason.strip(), actor);
    }

    private Suggestion decide(long id, String status, @Nullable String reason, CurrentAccount actor)
            throws SQLException {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE change_suggestion SET status = ?, decided_by = ?, "
                    + "decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'new'")) {
                s.setString(1, status);
                s.setString(2, actor.label());
                s.setTimestamp(3, java.sql.Timestamp.from(clock.instant()));
                s.setString(4, reason);
                s.setLong(5, id);
                if (s.executeUpdate() == 0) {
                    c.rollback();
                    byId(c, id);
                    throw RequestRefusedException.conflict("This suggestion was decided already.");
                }
            }
            Suggestion decided = byId(c, id);
            revisions.record(c, decided.listingType(), decided.listingId(), "suggestion_" + status, actor,
                    reason, null);
            c.commit();
            return decided;
        }
    }

    private static Suggestion byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, listing_type, listing_id, message, status, created_at, "
                + "decided_by, decided_at, decision_reason FROM change_suggestion WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("suggestion", String.valueOf(id));
                }
                return read(rs);
            }
        }
    }

    private static Suggestion read(ResultSet rs) throws SQLException {
        var decidedAt = rs.getTimestamp(8);
        return new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString(9));
    }
}
