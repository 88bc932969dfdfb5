package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.Outbox;
import be.venpmg.nestkaart.kernel.Revisions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evidence, its check by an editor, and the recognition computed from it. Recognition is recomputed whenever
 * evidence or a committee decision changes, and daily for those whose evidence expired or whose rule version was
 * replaced. A change of level is a revision of the professional and reaches the public profile through the outbox.
 */
@Singleton
public class RecognitionService {
    private static final Logger LOG = LoggerFactory.getLogger(RecognitionService.class);
    private final RecognitionStore store;
    private final CommissionStore commission;
    private final EvidenceStore evidence;
    private final RuleBook rules;
    private final Revisions revisions;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    RecognitionService(RecognitionStore store, CommissionStore commission, EvidenceStore evidence, RuleBook rules,
                       Revisions revisions, Outbox outbox, TransactionOperations<Connection> transactions, Clock clock) {
        this.store = store;
        this.commission = commission;
        this.evidence = evidence;
        this.rules = rules;
        this.revisions = revisions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Evidence submit(@Nullable String professionalId, @Nullable String organizationId, EvidenceInput input,
                           CurrentAccount actor) {
        LocalDate today = LocalDate.now(clock);
        Evidence record = input.validate(rules.activeOn(today), professionalId, organizationId, clock);
        String type = professionalId != null ? "professional" : "organization";
        String owner = professionalId != null ? professionalId : organizationId;
        store.requireExists(type, owner);
        evidence.insert(record, actor.id());
        revisions.record(type, owner, "evidence_submitted", actor, null, Map.of("evidence", Map.of(
                "to", describe(record))));
        if (professionalId != null) {
            // New evidence answers the commission's question: the file goes back to the commission.
            for (long file : commission.reopenAnswered(professionalId)) {
                commission.event(file, "answered", actor.id(), actor.label(), describe(record));
            }
        }
        return evidence.byId(record.id()).orElseThrow();
    }

    /** An editor accepts or refuses evidence; the owner's recognition follows at once. */
    @Transactional
    public Evidence check(String evidenceId, boolean accepted, @Nullable String note, CurrentAccount actor) {
        if (!accepted && (note == null || note.isBlank())) {
            throw new InvalidParameterException("note", "say why the evidence is refused");
        }
        Evidence before = evidence.byId(evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        if (accepted && evidence.enteredBy(evidenceId).filter(editor -> editor == actor.id()).isPresent()) {
            throw RequestRefusedException.forbidden("Vier ogen: bewijs dat u zelf invoerde, aanvaardt een andere "
                    + "redacteur.");
        }
        evidence.check(evidenceId, accepted, actor.id(), note == null ? null : note.strip());
        String type = before.professionalId() != null ? "professional" : "organization";
        String owner = before.professionalId() != null ? before.professionalId() : before.organizationId();
        revisions.record(type, owner, accepted ? "evidence_accepted" : "evidence_refused", actor, note,
                Map.of("evidence", Map.of("from", before.status(), "to", accepted ? "accepted" : "refused",
                        "what", describe(before))));
        if (before.professionalId() != null) {
            recompute(before.professionalId(), actor.label(), actor.id());
        } else {
            outbox.queue("organization", owner);
        }
        return evidence.byId(evidenceId).orElseThrow();
    }

    /**
     * Evidence an editor vouches for as it is recorded (a completion of an accredited course), in the caller's
     * transaction: stored as accepted, audited, and the professional's recognition recomputed.
     */
    @Transactional
    public void recordAccepted(Evidence record, CurrentAccount actor) {
        evidence.insert(record, actor.id());
        evidence.check(record.id(), true, actor.id(), "vastgelegd als voltooide opleiding");
        revisions.record("professional", record.professionalId(), "evidence_accepted", actor, null,
                Map.of("evidence", Map.of("to", describe(record))));
        recompute(record.professionalId(), actor.label(), actor.id());
    }

    @ReadOnly
    public List<Evidence> evidenceOf(String type, String id) {
        store.requireExists(type, id);
        return "professional".equals(type) ? evidence.ofProfessional(id) : evidence.ofOrganization(id);
    }

    @ReadOnly
    public List<Evidence> awaitingCheck() {
        return evidence.awaitingCheck();
    }

    /** The stored recognition, computing it first when there is none yet. */
    @Transactional
    public Recognition recognition(String professionalId) {
        store.requireExists("professional", professionalId);
        return store.stored(professionalId).orElseGet(() -> recompute(professionalId, "system", null));
    }

    /** Labels of an organisation backed by accepted, current evidence. */
    @ReadOnly
    public List<String> qualityLabels(String organizationId) {
        LocalDate today = LocalDate.now(clock);
        RuleSet active = rules.activeOn(today);
        return evidence.ofOrganization(organizationId).stream().filter(e -> e.currentOn(today))
                .map(e -> active.qualityLabels().get(e.qualification())).filter(Objects::nonNull).distinct().toList();
    }

    /** Recomputes a professional's recognition after a decision about them (the commission's). */
    @Transactional
    public Recognition recomputeFor(String professionalId, CurrentAccount actor) {
        return recompute(professionalId, actor.label(), actor.id());
    }

    /** Daily: recognitions whose evidence lapsed, or that were computed under a rule version no longer in force. */
    @Scheduled(cron = "${nestkaart.recognition.recheck-cron}")
    void recheckDue() {
        try {
            int n = recheck();
            if (n > 0) {
                LOG.info("Recomputed {} recognitions (expired evidence or new rule version)", n);
            }
        } catch (RuntimeException e) {
            LOG.error("Recognition recheck failed; it runs again at the next schedule", e);
        }
    }

    /** Recomputes each due recognition in a transaction of its own, so one failure does not undo the others. */
    public int recheck() {
        LocalDate today = LocalDate.now(clock);
        List<String> due = store.dueForRecheck(today, rules.activeOn(today).version());
        for (String id : due) {
            transactions.executeWrite(status -> recompute(id, "recognition recheck", null));
        }
        return due.size();
    }

    private Recognition recompute(String professionalId, String actor, @Nullable Long actorId) {
        LocalDate today = LocalDate.now(clock);
        RuleSet active = rules.activeOn(today);
        Assessment assessment = RecognitionRules.assess(active, evidence.ofProfessional(professionalId),
                store.approvedLevels(professionalId), today);
        Optional<Recognition> before = store.stored(professionalId);
        String previousLevel = before.map(Recognition::level).orElse(null);
        LocalDate since = assessment.level() == null ? null
                : Objects.equals(previousLevel, assessment.level()) && before.get().since() != null
                ? before.get().since() : today;
        store.save(professionalId, assessment, since, active.version());
        for (String level : assessment.awaitingCommittee()) {
            store.openCommitteeFile(professionalId, level, active.version());
        }
        if (!Objects.equals(previousLevel, assessment.level())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", previousLevel);
            change.put("to", assessment.level());
            revisions.record("professional", professionalId, "recognition_changed", actor, actorId,
                    "Regels " + active.version(), Map.of("recognition", change));
            outbox.queue("professional", professionalId);
        }
        return store.stored(professionalId).orElseThrow();
    }

    private static String describe(Evidence e) {
        return e.kind() + (e.qualification() == null ? "" : " " + e.qualification()) + " — " + e.issuer() + ", "
                + e.obtainedOn() + (e.expiresOn() == null ? "" : " tot " + e.expiresOn());
    }
}
