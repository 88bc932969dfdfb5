package be.venpmg.nestkaart.training;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.quality.RecognitionService;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** The course catalogue's read API, and a professional's own training record and recommendations. */
@Tag(name = "Training portal")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class CourseController {
    private final CourseCatalog catalog;
    private final Completions completions;
    private final RecognitionService recognition;

    CourseController(CourseCatalog catalog, Completions completions, RecognitionService recognition) {
        this.catalog = catalog;
        this.completions = completions;
        this.recognition = recognition;
    }

    /** Accredited courses, with their sessions. */
    @Get("/courses")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<Course> courses() {
        return catalog.all();
    }

    /** One course with its sessions, accreditation and what it counts for. */
    @Get("/courses/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Course course(@PathVariable String id) {
        return catalog.course(id).orElseThrow(() -> new NotFoundException("course", id));
    }

    /** The signed-in professional's completed courses. */
    @Get("/me/completions")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "session")
    @Secured(Roles.PROFESSIONAL)
    List<Completion> myCompletions(Authentication auth) {
        return completions.ofProfessional(CurrentAccount.of(auth).professionalId());
    }

    /** Courses that would bring the signed-in professional to the next recognition level. */
    @Get("/me/recommended-courses")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "session")
    @Secured(Roles.PROFESSIONAL)
    List<Course> recommended(Authentication auth) {
        String me = CurrentAccount.of(auth).professionalId();
        return catalog.recommended(me, recognition.recognition(me).level());
    }
}
