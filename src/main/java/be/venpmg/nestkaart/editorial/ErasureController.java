package be.venpmg.nestkaart.editorial;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;


/** Erasure of a person, for admins: it cannot be undone. */
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/admin/professionals")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class ErasureController {
    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    /** Erases a professional from the database, the search index and the history (right to erasure). */
    @Post("/{id}/erase")
    HttpResponse<?> erase(Authentication auth, @PathVariable String id) {
        erasure.eraseProfessional(id, CurrentAccount.of(auth));
        return HttpResponse.noContent();
    }
}
