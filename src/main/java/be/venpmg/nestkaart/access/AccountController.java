package be.venpmg.nestkaart.access;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.net.URI;
import java.util.List;

/** Account management, for admins only. */
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/admin/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class AccountController {
    private final AccountAdmin admin;
    private final AccountStore accounts;

    AccountController(AccountAdmin admin, AccountStore accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @Serdeable
    record NewAccount(@Nullable String email, @Nullable String displayName, @Nullable String role,
                      @Nullable String professionalId, @Nullable String organizationId,
                      @Nullable String password) {
    }

    /** The accounts of editors, representatives and professionals. */
    @Get
    List<Account> list() {
        return accounts.all();
    }

    /** Creates an account (administrators only). */
    @Post
    HttpResponse<Account> create(Authentication authentication, @Body NewAccount body) {
        CurrentAccount me = CurrentAccount.of(authentication);
        Account created = admin.create(body.email(), body.displayName(), body.role(), body.professionalId(),
                body.organizationId(), body.password(), me.label(), me.id());
        return HttpResponse.created(created, URI.create("/api/v1/admin/accounts/" + created.id()));
    }

    /** Deactivates an account: its sessions end and it can no longer sign in. */
    @Post("/{id}/deactivate")
    Account deactivate(Authentication authentication, @PathVariable long id) {
        return admin.setActive(id, false, CurrentAccount.of(authentication));
    }

    /** Activates an account again. */
    @Post("/{id}/activate")
    Account activate(Authentication authentication, @PathVariable long id) {
        return admin.setActive(id, true, CurrentAccount.of(authentication));
    }
}
