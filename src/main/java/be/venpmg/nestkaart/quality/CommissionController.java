package be.venpmg.nestkaart.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

/** The expert commission's side: its files, the evidence in them, votes and questions to the professional. */
@Tag(name = "Expert commission")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/commission")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.COMMISSION)
class CommissionController {
    private final ExpertCommission commission;
    private final RecognitionService recognition;

    CommissionController(ExpertCommission commission, RecognitionService recognition) {
        this.commission = commission;
        this.recognition = recognition;
    }

    @Serdeable
    record Vote(@Nullable String vote, @Nullable String reason) {
    }

    @Serdeable
    record Question(@Nullable String question) {
    }

    /** A file with what the commission weighs: the professional's evidence and the rules' assessment. */
    @Serdeable
    record FileDetail(CommitteeFile file, @JsonInclude(ALWAYS) List<String> members, int quorum,
                      List<Evidence> evidence,
                      Recognition recognition) {
    }

    /** Files in one state: open (default), more_info, approved or rejected. */
    @Get("/files")
    List<CommitteeFile> files(@QueryValue(defaultValue = "open") String status) {
        return commission.files(status);
    }

    /** One file with the professional's evidence and the assessment of the rules. */
    @Get("/files/{id}")
    FileDetail file(@PathVariable long id) {
        CommitteeFile file = commission.file(id);
        return new FileDetail(file, file.members(), commission.quorum(),
                recognition.evidenceOf("professional", file.professionalId()),
                recognition.recognition(file.professionalId()));
    }

    /** The latest steps of every file, newest first. */
    @Get("/events")
    List<CommitteeFile.Event> events(@QueryValue(defaultValue = "10") int limit) {
        return commission.notifications(limit);
    }

    /** Casts (or changes) the signed-in member's vote, with its reason. */
    @Post("/files/{id}/votes")
    CommitteeFile vote(Authentication auth, @PathVariable long id, @Body Vote vote) {
        return commission.vote(id, vote.vote(), vote.reason(), CurrentAccount.of(auth));
    }

    /** Asks the professional for more information; the file waits until they add evidence. */
    @Post("/files/{id}/question")
    CommitteeFile ask(Authentication auth, @PathVariable long id, @Body Question question) {
        return commission.askMoreInformation(id, question.question(), CurrentAccount.of(auth));
    }
}
