package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.Revisions;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expert commission's work on experience-route files. Members vote with a reason; the file is decided when the
 * configured quorum of members votes the same way. A member may ask the professional for more information: the file
 * then waits, and goes back to the commission (its votes cleared) as soon as the professional adds evidence.
 */
@Singleton
public class ExpertCommission {
    private static final List<String> STATUSES = List.of("open", "more_info", "approved", "rejected");
    private final CommissionStore store;
    private final RecognitionService recognition;
    private final Revisions revisions;
    private final int quorum;

    ExpertCommission(CommissionStore store, RecognitionService recognition, Revisions revisions,
                     @Value("${nestkaart.commission.quorum}") int quorum) {
        if (quorum < 1) {
            throw new IllegalArgumentException("nestkaart.commission.quorum must be at least 1");
        }
        this.store = store;
        this.recognition = recognition;
        this.revisions = revisions;
        this.quorum = quorum;
    }

    public int quorum() {
        return quorum;
    }

    @ReadOnly
    public List<CommitteeFile> files(String status) {
        if (!STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "must be one of " + STATUSES);
        }
        return store.files(status);
    }

    @ReadOnly
    public CommitteeFile file(long id) {
        return store.file(id);
    }

    @ReadOnly
    public List<CommitteeFile> ofProfessional(String professionalId) {
        return store.ofProfessional(professionalId);
    }

    /** The latest steps of every file, newest first. */
    @ReadOnly
    public List<CommitteeFile.Event> notifications(int limit) {
        return store.recentEvents(Math.max(1, Math.min(limit, 100)));
    }

    /** A member's vote; when a quorum agrees, the file is decided and the recognition follows at once. */
    @Transactional
    public CommitteeFile vote(long fileId, @Nullable String vote, @Nullable String reason, CurrentAccount member) {
        if (!"approve".equals(vote) && !"reject".equals(vote)) {
            throw new InvalidParameterException("vote", "must be approve or reject");
        }
        String why = required("reason", reason, "een stem van de commissie heeft een motivering nodig");
        CommissionStore.Locked file = store.lock(fileId);
        if (!"open".equals(file.status())) {
            throw CommissionStore.notOpen(file.status());
        }
        int agreeing = store.vote(fileId, member.id(), vote, why);
        store.event(fileId, "vote", member.id(), member.label(),
                ("approve".equals(vote) ? "goedkeuren: " : "afwijzen: ") + why);
        revisions.record("professional", file.professionalId(), "committee_vote", member, why,
                Map.of("committee_file", Map.of("id", fileId, "level", file.level(), "vote", vote)));
        if (agreeing >= quorum) {
            String status = "approve".equals(vote) ? "approved" : "rejected";
            String decision = store.file(fileId).votes().stream().filter(v -> v.vote().equals(vote))
                    .map(v -> v.member() + ": " + v.reason()).reduce((a, b) -> a + "\n" + b).orElse(why);
            store.decide(fileId, status, member.id(), decision);
            store.event(fileId, status, member.id(), member.label(), agreeing + " van de vereiste " + quorum
                    + " stemmen");
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("id", fileId);
            change.put("level", file.level());
            change.put("to", status);
            revisions.record("professional", file.professionalId(), "committee_" + status, member, decision,
                    Map.of("committee_file", change));
            recognition.recomputeFor(file.professionalId(), member);
        }
        return store.file(fileId);
    }

    /** A member asks the professional for more information; the question shows on the professional's profile. */
    @Transactional
    public CommitteeFile askMoreInformation(long fileId, @Nullable String question, CurrentAccount member) {
        String asked = required("question", question, "zeg welke informatie de commissie nog nodig heeft");
        CommissionStore.Locked file = store.lock(fileId);
        if (!"open".equals(file.status())) {
            throw CommissionStore.notOpen(file.status());
        }
        store.ask(fileId, asked);
        store.event(fileId, "more_info", member.id(), member.label(), asked);
        revisions.record("professional", file.professionalId(), "committee_more_info", member, asked,
                Map.of("committee_file", Map.of("id", fileId, "level", file.level(), "to", "more_info")));
        return store.file(fileId);
    }

    private static String required(String name, @Nullable String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException(name, message);
        }
        if (text.length() > 4000) {
            throw new InvalidParameterException(name, "is longer than 4000 characters");
        }
        return text.strip();
    }
}
