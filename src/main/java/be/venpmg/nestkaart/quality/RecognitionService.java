package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.kernel.Outbox;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Revisions;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence, its check by an editor, and the recognition computed from it. Recognition is recomputed whenever
 * evidence or a committee decision changes, and daily for those whose evidence expired or whose rule version was
 * replaced. A change of level is a revision of the professional and reaches the public profile through the outbox.
 */
@Singleton
public class RecognitionService {
    private static final Logger LOG = LoggerFactory.getLogger(RecognitionService.class);
    private final Database database;
    private final EvidenceStore evidence;
    private final RuleBook rules;
    private final Revisions revisions;
    private final JsonMapper json;
    private final Clock clock;

    RecognitionService(Database database, EvidenceStore evidence, RuleBook rules, Revisions revisions, JsonMapper json,
                       Clock clock) {
        this.database = database;
        this.evidence = evidence;
        this.rules = rules;
        this.revisions = revisions;
        this.json = json;
        this.clock = clock;
    }

    public Evidence submit(@Nullable String professionalId, @Nullable String organizationId, EvidenceInput input,
                           CurrentAccount actor) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        Evidence record = input.validate(rules.activeOn(today), professionalId, organizationId, clock);
        String type = professionalId != null ? "professional" : "organization";
        String owner = professionalId != null ? professionalId : organizationId;
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            requireExists(c, type, owner);
            evidence.insert(c, record, actor.id());
            revisions.record(c, type, owner, "evidence_submitted", actor, null, Map.of("evidence", Map.of(
                    "to", describe(record))));
            c.commit();
            return evidence.byId(c, record.id()).orElseThrow();
        }
    }

    /** An editor accepts or refuses evidence; the owner's recognition follows at once. */
    public Evidence check(String evidenceId, boolean accepted, @Nullable String note, CurrentAccount actor)
            throws SQLException {
        if (!accepted && (note == null || note.isBlank())) {
            throw new InvalidParameterException("note", "say why the evidence is refused");
        }
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            Evidence before = evidence.byId(c, evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
            evidence.check(c, evidenceId, accepted, actor.id(), note == null ? null : note.strip());
            String type = before.professionalId() != null ? "professional" : "organization";
            String owner = before.professionalId() != null ? before.professionalId() : before.organizationId();
            revisions.record(c, type, owner, accepted ? "evidence_accepted" : "evidence_refused", actor, note,
                    Map.of("evidence", Map.of("from", before.status(), "to", accepted ? "accepted" : "refused",
                            "what", describe(before))));
            if (before.professionalId() != null) {
                recompute(c, before.professionalId(), actor.label(), actor.id());
            } else {
                Outbox.queue(c, "organization", owner);
            }
            c.commit();
            return evidence.byId(c, evidenceId).orElseThrow();
        }
    }

    /**
     * Evidence an editor vouches for as it is recorded (a completion of an accredited course), in the caller's
     * transaction: stored as accepted, audited, and the professional's recognition recomputed.
     */
    public void recordAccepted(Connection c, Evidence record, CurrentAccount actor) throws SQLException {
        evidence.insert(c, record, actor.id());
        evidence.check(c, record.id(), true, actor.id(), "vastgelegd als voltooide opleiding");
        revisions.record(c, "professional", record.professionalId(), "evidence_accepted", actor, null,
                Map.of("evidence", Map.of("to", describe(record))));
        recompute(c, record.professionalId(), actor.label(), actor.id());
    }

    public List<Evidence> evidenceOf(String type, String id) throws SQLException {
        try (Connection c = database.open()) {
            requireExists(c, type, id);
            return "professional".equals(type) ? evidence.ofProfessional(c, id) : evidence.ofOrganization(c, id);
        }
    }

    public List<Evidence> awaitingCheck() throws SQLException {
        try (Connection c = database.open()) {
            return evidence.awaitingCheck(c);
        }
    }

    /** The stored recognition, computing it first when there is none yet. */
    public Recognition recognition(String professionalId) throws SQLException {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            requireExists(c, "professional", professionalId);
            Optional<Recognition> stored = stored(c, professionalId);
            if (stored.isPresent()) {
                return stored.get();
            }
            Recognition fresh = recompute(c, professionalId, "system", null);
            c.commit();
            return fresh;
        }
    }

    /** Public: the level and its date of published, consenting professionals, by id. */
    public Map<String, Recognition> publicRecognitions(Connection c, List<String> professionalIds) throws SQLException {
        Map<String, Recognition> found = new LinkedHashMap<>();
        for (String id : professionalIds) {
            stored(c, id).filter(r -> r.level() != null).ifPresent(r -> found.put(id, r));
        }
        return found;
    }

    /** Labels of an organisation backed by accepted, current evidence. */
    public List<String> qualityLabels(Connection c, String organizationId) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        RuleSet active = rules.activeOn(today);
        return evidence.ofOrganization(c, organizationId).stream().filter(e -> e.currentOn(today))
                .map(e -> active.qualityLabels().get(e.qualification())).filter(Objects::nonNull).distinct().toList();
    }

    public List<CommitteeFile> committeeFiles(String status) throws SQLException {
        if (!List.of("open", "approved", "rejected").contains(status)) {
            throw new InvalidParameterException("status", "must be open, approved or rejected");
        }
        List<CommitteeFile> files = new ArrayList<>();
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement("SELECT f.id, f.professional_id, CONCAT(p.given_name, ' ', "
                     + "p.family_name), f.level, f.rule_version, f.status, f.opened_at, f.decided_by, f.decided_at, "
                     + "f.decision_reason FROM committee_file f JOIN professional p ON p.id = f.professional_id "
                     + "WHERE f.status = ? ORDER BY f.opened_at")) {
            s.setString(1, status);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp decided = rs.getTimestamp(9);
                    files.add(new CommitteeFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            rs.getObject(8, Long.class), decided == null ? null : decided.toInstant(), rs.getString(10)));
                }
            }
        }
        return files;
    }

    /** The committee's decision on an experience-route file, recorded by an editor on its behalf. */
    public Recognition decide(long fileId, @Nullable String decision, @Nullable String reason, CurrentAccount actor)
            throws SQLException {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidParameterException("decision", "must be approve or reject");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "the committee's decision needs its reason");
        }
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            String professionalId;
            String level;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT professional_id, level, status FROM committee_file WHERE id = ? FOR UPDATE")) {
                s.setLong(1, fileId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("committee file", String.valueOf(fileId));
                    }
                    if (!"open".equals(rs.getString(3))) {
                        throw RequestRefusedException.conflict("This file was decided already.");
                    }
                    professionalId = rs.getString(1);
                    level = rs.getString(2);
                }
            }
            String status = "approve".equals(decision) ? "approved" : "rejected";
            try (PreparedStatement s = c.prepareStatement("UPDATE committee_file SET status = ?, decided_by = ?, "
                    + "decided_at = ?, decision_reason = ? WHERE id = ?")) {
                s.setString(1, status);
                s.setLong(2, actor.id());
                s.setTimestamp(3, java.sql.Timestamp.from(clock.instant()));
                s.setString(4, reason.strip());
                s.setLong(5, fileId);
                s.executeUpdate();
            }
            revisions.record(c, "professional", professionalId, "committee_" + status, actor, reason.strip(),
                    Map.of("committee_file", Map.of("id", fileId, "level", level, "to", status)));
            Recognition result = recompute(c, professionalId, actor.label(), actor.id());
            c.commit();
            return result;
        }
    }

    /** Daily: recognitions whose evidence lapsed, or that were computed under a rule version no longer in force. */
    @Scheduled(cron = "${nestkaart.recognition.recheck-cron}")
    void recheckDue() {
        try {
            int n = recheck();
            if (n > 0) {
                LOG.info("Recomputed {} recognitions (expired evidence or new rule version)", n);
            }
        } catch (SQLException e) {
            LOG.error("Recognition recheck failed; it runs again at the next schedule", e);
        }
    }

    public int recheck() throws SQLException {
        LocalDate today = LocalDate.now(clock);
        List<String> due = new ArrayList<>();
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement(
                     "SELECT professional_id FROM recognition WHERE valid_until < ? OR rule_version <> ?")) {
            s.setDate(1, Date.valueOf(today));
            s.setString(2, rules.activeOn(today).version());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        }
        for (String id : due) {
            try (Connection c = database.open()) {
                c.setAutoCommit(false);
                recompute(c, id, "recognition recheck", null);
                c.commit();
            }
        }
        return due.size();
    }

    Recognition recompute(Connection c, String professionalId, String actor, @Nullable Long actorId)
            throws SQLException {
        LocalDate today = LocalDate.now(clock);
        RuleSet active = rules.activeOn(today);
        Assessment assessment = RecognitionRules.assess(active, evidence.ofProfessional(c, professionalId),
                approvedLevels(c, professionalId), today);
        Optional<Recognition> before = stored(c, professionalId);
        String previousLevel = before.map(Recognition::level).orElse(null);
        LocalDate since = assessment.level() == null ? null
                : Objects.equals(previousLevel, assessment.level()) && before.get().since() != null
                ? before.get().since() : today;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recognition (professional_id, level, route, since, "
                + "valid_until, rule_version, reasons, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE level = VALUES(level), route = VALUES(route), since = VALUES(since), "
                + "valid_until = VALUES(valid_until), rule_version = VALUES(rule_version), reasons = VALUES(reasons), "
                + "computed_at = VALUES(computed_at)")) {
            s.setString(1, professionalId);
            s.setString(2, assessment.level());
            s.setString(3, assessment.route());
            s.setDate(4, since == null ? null : Date.valueOf(since));
            s.setDate(5, assessment.validUntil() == null ? null : Date.valueOf(assessment.validUntil()));
            s.setString(6, active.version());
            s.setString(7, json.writeValueAsString(assessment));
            s.setTimestamp(8, java.sql.Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (IOException e) {
            throw new SQLException("Could not store the assessment", e);
        }
        for (String level : assessment.awaitingCommittee()) {
            openCommitteeFile(c, professionalId, level, active.version());
        }
        if (!Objects.equals(previousLevel, assessment.level())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", previousLevel);
            change.put("to", assessment.level());
            revisions.record(c, "professional", professionalId, "recognition_changed", actor, actorId,
                    "Regels " + active.version(), Map.of("recognition", change));
            Outbox.queue(c, "professional", professionalId);
        }
        return stored(c, professionalId).orElseThrow();
    }

    /** A file goes to the committee once per level, unless an earlier decision came before newer evidence. */
    private static void openCommitteeFile(Connection c, String professionalId, String level, String version)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO committee_file (professional_id, level, rule_version) "
                + "SELECT ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM committee_file f WHERE f.professional_id = ? "
                + "AND f.level = ? AND (f.status = 'open' OR f.decided_at >= (SELECT MAX(COALESCE(e.checked_at, "
                + "e.created_at)) FROM evidence e WHERE e.professional_id = ?)))")) {
            s.setString(1, professionalId);
            s.setString(2, level);
            s.setString(3, version);
            s.setString(4, professionalId);
            s.setString(5, level);
            s.setString(6, professionalId);
            s.executeUpdate();
        }
    }

    private static Set<String> approvedLevels(Connection c, String professionalId) throws SQLException {
        Set<String> levels = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT level FROM committee_file WHERE professional_id = ? AND status = 'approved'")) {
            s.setString(1, professionalId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    levels.add(rs.getString(1));
                }
            }
        }
        return levels;
    }

    private Optional<Recognition> stored(Connection c, String professionalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT level, route, since, valid_until, rule_version, reasons, "
                + "computed_at FROM recognition WHERE professional_id = ?")) {
            s.setString(1, professionalId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date since = rs.getDate(3);
                Date until = rs.getDate(4);
                return Optional.of(new Recognition(professionalId, rs.getString(1), rs.getString(2),
                        since == null ? null : since.toLocalDate(), until == null ? null : until.toLocalDate(),
                        rs.getString(5), json.readValue(rs.getString(6), Assessment.class),
                        rs.getTimestamp(7).toInstant()));
            } catch (IOException e) {
                throw new SQLException("Unreadable assessment", e);
            }
        }
    }

    private static void requireExists(Connection c, String type, String id) throws SQLException {
        if (id == null) {
            throw new NotFoundException(type, "");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + ("professional".equals(type)
                ? "professional" : "organization") + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(type, id);
                }
            }
        }
    }

    private static String describe(Evidence e) {
        return e.kind() + (e.qualification() == null ? "" : " " + e.qualification()) + " — " + e.issuer() + ", "
                + e.obtainedOn() + (e.expiresOn() == null ? "" : " tot " + e.expiresOn());
    }
}
