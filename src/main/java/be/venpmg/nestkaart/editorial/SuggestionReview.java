package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Revisions;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.ReportedFact;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The editors' queue of "meld een wijziging" submissions: accept (opens a draft change) or reject with a reason. */
@Singleton
public class SuggestionReview {
    private static final String COLUMNS = "id, listing_type, listing_id, message, status, created_at, decided_by, "
            + "decided_at, decision_reason, fact, proposed_value";
    private final JdbcOperations jdbc;
    private final Workflow workflow;
    private final LiveListings live;
    private final Revisions revisions;

    private final java.time.Clock clock;

    SuggestionReview(JdbcOperations jdbc, Workflow workflow, LiveListings live, Revisions revisions, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.live = live;
        this.revisions = revisions;
    }

    @Serdeable
    public record Suggestion(long id, String listingType, String listingId, String message, String status,
                             Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                             @Nullable String decisionReason, @Nullable String fact, @Nullable String proposedValue) {
    }

    @ReadOnly
    public List<Suggestion> list(String status, int limit) {
        if (!List.of("new", "accepted", "rejected").contains(status)) {
            throw new InvalidParameterException("status", "must be new, accepted or rejected");
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM change_suggestion WHERE status = ? "
                + "ORDER BY created_at LIMIT ?", s -> {
            s.setString(1, status);
            s.setInt(2, limit);
            List<Suggestion> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        });
    }

    /** Accepts a suggestion: a draft change of its listing, carrying the suggestion as its reason, for editing. */
    @Transactional
    public Change accept(long id, @Nullable String note, CurrentAccount actor) {
        Suggestion suggestion = byId(id);
        if (!"new".equals(suggestion.status())) {
            throw RequestRefusedException.conflict("This suggestion was decided already.");
        }
        ListingKind kind = ListingKind.named(suggestion.listingType());
        String reason = "Melding #" + id + ": " + (suggestion.fact() == null ? ""
                : ClosedVocabulary.label(ReportedFact.class, suggestion.fact()) + (suggestion.proposedValue() == null
                ? "" : " → " + suggestion.proposedValue()) + ". ") + suggestion.message();
        Change draft = workflow.propose(kind, suggestion.listingId(), prefill(kind, suggestion), reason, actor, id);
        decide(id, "accepted", note, actor);
        return draft;
    }

    @Transactional
    public Suggestion reject(long id, @Nullable String reason, CurrentAccount actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "say why the suggestion is rejected");
        }
        return decide(id, "rejected", reason.strip(), actor);
    }

    /**
     * The fields a suggestion already says: a new phone number (in place of the first one), a waiting time in weeks
     * reported today, a service that closed. A value that does not fit its field is left for the editor to read.
     */
    private Map<String, Object> prefill(ListingKind kind, Suggestion suggestion) {
        ReportedFact fact = ClosedVocabulary.byCode(ReportedFact.class, String.valueOf(suggestion.fact()))
                .orElse(ReportedFact.OTHER);
        String value = suggestion.proposedValue();
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (fact) {
            case PHONE -> {
                if (value != null && kind.field("phones").isPresent()) {
                    List<Map<String, Object>> phones = new ArrayList<>(live.read(kind, suggestion.listingId())
                            .map(l -> rows(l.fields().get("phones"))).orElse(List.of()));
                    Map<String, Object> first = phones.isEmpty() ? new LinkedHashMap<>()
                            : new LinkedHashMap<>(phones.get(0));
                    first.put("number", value);
                    if (phones.isEmpty()) {
                        phones.add(first);
                    } else {
                        phones.set(0, first);
                    }
                    fields.put("phones", phones);
                }
            }
            case WAITING_TIME -> {
                java.util.regex.Matcher weeks = java.util.regex.Pattern.compile("\\d{1,3}")
                        .matcher(value == null ? "" : value);
                if (weeks.find() && kind.field("waiting_weeks").isPresent()) {
                    fields.put("waiting_weeks", Integer.parseInt(weeks.group()));
                    fields.put("waiting_reported_on", java.time.LocalDate.now(clock).toString());
                }
            }
            case CLOSED -> {
                if (kind.field("status").isPresent()) {
                    fields.put("status", "temporarily closed");
                }
            }
            default -> { }
        }
        try {
            kind.merge(live.read(kind, suggestion.listingId()).map(LiveListings.Live::fields).orElse(kind.blank()),
                    fields);
            return fields;
        } catch (InvalidParameterException doesNotFit) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private Suggestion decide(long id, String status, @Nullable String reason, CurrentAccount actor) {
        int decided = jdbc.prepareStatement("UPDATE change_suggestion SET status = ?, decided_by = ?, "
                + "decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'new'", s -> {
            s.setString(1, status);
            s.setString(2, actor.label());
            s.setTimestamp(3, java.sql.Timestamp.from(clock.instant()));
            s.setString(4, reason);
            s.setLong(5, id);
            return s.executeUpdate();
        });
        Suggestion suggestion = byId(id);
        if (decided == 0) {
            throw RequestRefusedException.conflict("This suggestion was decided already.");
        }
        revisions.record(suggestion.listingType(), suggestion.listingId(), "suggestion_" + status, actor, reason, null);
        return suggestion;
    }

    private Suggestion byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM change_suggestion WHERE id = ?", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("suggestion", String.valueOf(id));
                }
                return read(rs);
            }
        });
    }

    private static Suggestion read(ResultSet rs) throws SQLException {
        var decidedAt = rs.getTimestamp(8);
        return new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
