package be.venpmg.nestkaart.editorial;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.quality.CommitteeFile;
import be.venpmg.nestkaart.quality.Evidence;
import be.venpmg.nestkaart.quality.ExpertCommission;
import be.venpmg.nestkaart.quality.EvidenceInput;
import be.venpmg.nestkaart.quality.Recognition;
import be.venpmg.nestkaart.quality.RecognitionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A professional's own profile: what is public now, the change waiting for review, their evidence, and why they
 * do or do not hold a recognition level. Every edit goes to the editors' review before it is shown.
 */
@Tag(name = "My profile (professionals)")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.PROFESSIONAL)
class SelfServiceController {
    private final Workflow workflow;
    private final RecognitionService recognition;
    private final ExpertCommission commission;
    private final be.venpmg.nestkaart.kernel.SiteBranding branding;

    SelfServiceController(Workflow workflow, RecognitionService recognition, ExpertCommission commission,
                          be.venpmg.nestkaart.kernel.SiteBranding branding) {
        this.workflow = workflow;
        this.recognition = recognition;
        this.commission = commission;
        this.branding = branding;
    }

    /** The own profile, recognition, evidence and files of the expert commission (with its questions). */
    @Serdeable
    record Profile(Workflow.Listing listing, Recognition recognition, String issuer, List<Evidence> evidence,
                   List<CommitteeFile> committeeFiles) {
    }

    @Serdeable
    record ProfileEdit(@Nullable Map<String, Object> fields, @Nullable String reason) {
    }

    /** The signed-in professional's own profile and its pending changes. */
    @Get("/profile")
    Profile profile(Authentication auth) {
        String id = CurrentAccount.of(auth).professionalId();
        return new Profile(workflow.listing(ListingKind.PROFESSIONAL, id), recognition.recognition(id),
                branding.network(), recognition.evidenceOf("professional", id), commission.ofProfessional(id));
    }

    /** Proposes a change of the own profile; a change already waiting for review is updated instead. */
    @Put("/profile")
    Change edit(Authentication auth, @Body ProfileEdit edit) {
        CurrentAccount me = CurrentAccount.of(auth);
        Map<String, Object> fields = edit.fields() == null ? Map.of() : edit.fields();
        return workflow.proposeOrAmend(ListingKind.PROFESSIONAL, me.professionalId(), fields, edit.reason(), me);
    }

    /** The signed-in professional's quality evidence. */
    @Get("/evidence")
    List<Evidence> evidence(Authentication auth) {
        return recognition.evidenceOf("professional", CurrentAccount.of(auth).professionalId());
    }

    /** Adds quality evidence for the signed-in professional, to be checked by an editor. */
    @Post("/evidence")
    HttpResponse<Evidence> addEvidence(Authentication auth, @Body EvidenceInput input) {
        CurrentAccount me = CurrentAccount.of(auth);
        return HttpResponse.created(recognition.submit(me.professionalId(), null, input, me));
    }

    /** The signed-in professional's recognition level and what is missing for the next. */
    @Get("/recognition")
    Recognition recognition(Authentication auth) {
        return recognition.recognition(CurrentAccount.of(auth).professionalId());
    }
}
