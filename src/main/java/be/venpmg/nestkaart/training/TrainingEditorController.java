package be.venpmg.nestkaart.training;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Editors keep course sessions and seats current and record completions (courses themselves go through review). */
@Tag(name = "Editorial: training")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
class TrainingEditorController {
    private final CourseSessions sessions;
    private final Completions completions;

    TrainingEditorController(CourseSessions sessions, Completions completions) {
        this.sessions = sessions;
        this.completions = completions;
    }

    @Serdeable
    record Seats(@Nullable Integer delta) {
    }

    @Serdeable
    record CompletionList(@Nullable List<Completions.Entry> completions) {
    }

    /** Adds a session to a course. */
    @Post("/courses/{id}/sessions")
    HttpResponse<CourseSession> addSession(Authentication auth, @PathVariable String id, @Body SessionInput input) {
        return HttpResponse.created(sessions.create(id, input, CurrentAccount.of(auth)));
    }

    /** Changes a course session (dates, place, seats). */
    @Put("/course-sessions/{id}")
    CourseSession updateSession(Authentication auth, @PathVariable String id, @Body SessionInput input) {
        return sessions.update(id, input, CurrentAccount.of(auth));
    }

    /** Records seats taken or freed in a session. */
    @Post("/course-sessions/{id}/seats")
    CourseSession seats(Authentication auth, @PathVariable String id, @Body Seats seats) {
        if (seats.delta() == null) {
            throw new InvalidParameterException("delta", "is required");
        }
        return sessions.takeSeats(id, seats.delta(), CurrentAccount.of(auth));
    }

    /** Records that professionals completed a course. */
    @Post("/courses/{id}/completions")
    HttpResponse<List<Completion>> complete(Authentication auth, @PathVariable String id, @Body CompletionList list) {
        if (list.completions() == null || list.completions().isEmpty()) {
            throw new InvalidParameterException("completions", "name at least one completion");
        }
        return HttpResponse.created(completions.record(id, list.completions(), CurrentAccount.of(auth)));
    }

    /** Records completions from a CSV file (one professional per line). */
    @Post(value = "/courses/{id}/completions.csv", consumes = "text/csv")
    HttpResponse<List<Completion>> importCompletions(Authentication auth, @PathVariable String id, @Body String csv) {
        return HttpResponse.created(completions.importCsv(id, csv, CurrentAccount.of(auth)));
    }

    /** A professional's completed courses. */
    @Get("/professionals/{id}/completions")
    List<Completion> completionsOf(@PathVariable String id) {
        return completions.ofProfessional(id);
    }
}
