package be.venpmg.nestkaart.editorial;

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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** The editors' queue of new initiatives announced by the public. */
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor/intakes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
class IntakeController {
    private final Intakes intakes;

    IntakeController(Intakes intakes) {
        this.intakes = intakes;
    }

    /** The organisation a new service belongs to. */
    @Serdeable
    record Acceptance(@Nullable String organizationId) {
    }

    /** Initiatives announced through the public form, waiting for an editor. */
    @Get
    List<Intakes.Intake> list(@QueryValue(defaultValue = "new") String status) {
        return intakes.list(status);
    }

    /** Turns an announced initiative into a draft listing; the sender's address is deleted. */
    @Post("/{id}/accept")
    HttpResponse<Change> accept(Authentication auth, @PathVariable long id, @Body Acceptance acceptance) {
        Change draft = intakes.accept(id, acceptance.organizationId(), CurrentAccount.of(auth));
        return HttpResponse.created(draft, URI.create("/api/v1/editor/changes/" + draft.id()));
    }

    /** Closes an announced initiative without a listing; the sender's address is deleted. */
    @Post("/{id}/close")
    Intakes.Intake close(Authentication auth, @PathVariable long id) {
        return intakes.close(id, CurrentAccount.of(auth));
    }
}
