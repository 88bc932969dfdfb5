package be.venpmg.nestkaart.quality;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.util.List;

/** The editors' side of quality: evidence and its check, recognition with its reasons, the committee's files. */
@Tag(name = "Editorial: quality and recognition")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
class QualityController {
    private final RecognitionService recognition;
    private final ExpertCommission commission;

    QualityController(RecognitionService recognition, ExpertCommission commission) {
        this.recognition = recognition;
        this.commission = commission;
    }

    @Serdeable
    record Check(@Nullable Boolean accepted, @Nullable String note) {
    }

    /** Quality evidence waiting to be checked. */
    @Get("/evidence")
    List<Evidence> awaitingCheck() {
        return recognition.awaitingCheck();
    }

    /** Adds quality evidence for a professional. */
    @Post("/professionals/{id}/evidence")
    HttpResponse<Evidence> addForProfessional(Authentication auth, @PathVariable String id, @Body EvidenceInput input) {
        return HttpResponse.created(recognition.submit(id, null, input, CurrentAccount.of(auth)));
    }

    /** Adds quality evidence for an organisation. */
    @Post("/organizations/{id}/evidence")
    HttpResponse<Evidence> addForOrganization(Authentication auth, @PathVariable String id, @Body EvidenceInput input) {
        return HttpResponse.created(recognition.submit(null, id, input, CurrentAccount.of(auth)));
    }

    /** A professional's quality evidence. */
    @Get("/professionals/{id}/evidence")
    List<Evidence> professionalEvidence(@PathVariable String id) {
        return recognition.evidenceOf("professional", id);
    }

    /** An organisation's quality evidence. */
    @Get("/organizations/{id}/evidence")
    List<Evidence> organizationEvidence(@PathVariable String id) {
        return recognition.evidenceOf("organization", id);
    }

    /** Accepts or refuses a piece of evidence, with the reason. */
    @Post("/evidence/{id}/check")
    Evidence check(Authentication auth, @PathVariable String id, @Body Check check) {
        if (check.accepted() == null) {
            throw new be.venpmg.nestkaart.kernel.InvalidParameterException("accepted", "must be true or false");
        }
        return recognition.check(id, check.accepted(), check.note(), CurrentAccount.of(auth));
    }

    /** A professional's recognition level as the rules compute it. */
    @Get("/professionals/{id}/recognition")
    Recognition professionalRecognition(@PathVariable String id) {
        return recognition.recognition(id);
    }

    /** Experience-route files of the expert commission (editors follow them; only the commission decides). */
    @Get("/committee-files")
    List<CommitteeFile> committeeFiles(@QueryValue(defaultValue = "open") String status) {
        return commission.files(status);
    }

    /** The latest steps of the commission's files, newest first: the notifications of the editors' queue. */
    @Get("/committee-events")
    List<CommitteeFile.Event> committeeEvents(@QueryValue(defaultValue = "10") int limit) {
        return commission.notifications(limit);
    }
}
