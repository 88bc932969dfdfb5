package be.venpmg.nestkaart.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

/**
 * An experience-route file for the expert commission: open, waiting for more information from the professional,
 * or decided (by the votes of a quorum of members, each with a reason).
 */
@Serdeable
public record CommitteeFile(long id, String professionalId, String professionalName, String level, String ruleVersion,
                            String status, Instant openedAt, @Nullable Long decidedBy, @Nullable String decidedByName,
                            @Nullable Instant decidedAt, @Nullable String decisionReason, @Nullable String question,
                            @Nullable Instant questionAskedAt, @JsonInclude(ALWAYS) List<Vote> votes,
                            @JsonInclude(ALWAYS) List<Event> history) {

    /** A member's vote on the file as it stands now (votes are cleared when new information arrives). */
    @Serdeable
    public record Vote(long accountId, String member, String vote, String reason, Instant votedAt) {
    }

    /** One step of the file's history, which the editors' and the commission's queues show. */
    @Serdeable
    public record Event(long fileId, String kind, String actor, @Nullable String note, Instant at) {
    }

    /** The members who took part: every account that voted or asked, in order of first appearance. */
    public List<String> members() {
        return history.stream().filter(e -> "vote".equals(e.kind()) || "more_info".equals(e.kind()))
                .map(Event::actor).distinct().toList();
    }
}
