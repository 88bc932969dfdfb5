package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** A signed-in professional works through a course's online module: lessons, then the check. */
@Tag(name = "Training portal")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/me/courses/{courseId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.PROFESSIONAL)
class LearningController {
    private final OnlineLearning learning;

    LearningController(OnlineLearning learning) {
        this.learning = learning;
    }

    @Serdeable
    record Answers(@Nullable Map<String, String> answers) {
    }

    /** The course's lessons, with which ones the professional has read, and whether the check was passed. */
    @Get("/module")
    OnlineLearning.Module module(Authentication auth, @PathVariable String courseId) {
        return learning.module(courseId, CurrentAccount.of(auth).professionalId());
    }

    /** Marks a lesson as read. */
    @Post("/lessons/{lessonId}/read")
    OnlineLearning.Module read(Authentication auth, @PathVariable String courseId, @PathVariable String lessonId) {
        return learning.markRead(courseId, lessonId, CurrentAccount.of(auth).professionalId());
    }

    /** The check's questions (once every lesson is read), without the answers. */
    @Get("/check")
    List<OnlineLearning.Question> check(Authentication auth, @PathVariable String courseId) {
        return learning.check(courseId, CurrentAccount.of(auth).professionalId());
    }

    /** Hands in the answers (question id to chosen answer); a pass records the completion. */
    @Post("/check")
    OnlineLearning.Result submit(Authentication auth, @PathVariable String courseId, @Body Answers answers) {
        return learning.submit(courseId, answers.answers(), CurrentAccount.of(auth));
    }
}
