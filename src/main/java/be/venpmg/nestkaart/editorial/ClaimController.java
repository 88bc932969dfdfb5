package be.venpmg.nestkaart.editorial;

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

/** Editors decide on requests to manage an organisation's listings. */
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor/claims")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
class ClaimController {
    private final OrganizationClaims claims;

    ClaimController(OrganizationClaims claims) {
        this.claims = claims;
    }

    /** Why a claim is refused. */
    @Serdeable
    record Refusal(@Nullable String reason) {
    }

    /** Requests to represent an organisation, waiting for an editor. */
    @Get
    List<OrganizationClaims.Claim> list(@QueryValue(defaultValue = "new") String status) {
        return claims.list(status);
    }

    /** Confirms a representative: the account may then propose changes to its organisation. */
    @Post("/{id}/confirm")
    OrganizationClaims.Claim confirm(Authentication auth, @PathVariable long id) {
        return claims.confirm(id, CurrentAccount.of(auth));
    }

    /** Refuses a request to represent an organisation, with the reason. */
    @Post("/{id}/reject")
    OrganizationClaims.Claim reject(Authentication auth, @PathVariable long id, @Body Refusal refusal) {
        return claims.reject(id, refusal.reason(), CurrentAccount.of(auth));
    }
}
