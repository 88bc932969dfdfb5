package be.venpmg.nestkaart.access;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Collection;

/** Sign-in for API clients (a bearer token), the signed-in account, password change and sign-out. */
@Tag(name = "Authentication")
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final LoginService logins;
    private final SessionStore sessions;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AccountAdmin admin;
    private final SiteSecurity site;

    AuthController(LoginService logins, SessionStore sessions, AccountStore accounts, PasswordHasher hasher,
                   AccountAdmin admin, SiteSecurity site) {
        this.logins = logins;
        this.sessions = sessions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.admin = admin;
        this.site = site;
    }

    @Serdeable
    record LoginRequest(@Nullable String email, @Nullable String password) {
    }

    @Serdeable
    record TokenResponse(String token, Instant expiresAt, Account account) {
    }

    @Serdeable
    record Me(long id, String email, String displayName, Collection<String> roles, @Nullable String professionalId,
              @Nullable String csrfToken) {
    }

    @Serdeable
    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    /** Signs in with e-mail and password; answers a bearer token. */
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<TokenResponse> login(HttpRequest<?> request, @Body LoginRequest body) {
        LoginService.Outcome outcome = logins.login(body.email(), body.password(), site.clientAddress(request));
        if (outcome instanceof LoginService.Outcome.SignedIn in) {
            return HttpResponse.ok(new TokenResponse(in.session().token(), in.session().expiresAt(), in.account()));
        }
        throw site.refusal(outcome);
    }

    /** The signed-in account and its roles. */
    @Get("/me")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "session")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Me me(Authentication authentication) {
        CurrentAccount me = CurrentAccount.of(authentication);
        Object csrf = "cookie".equals(authentication.getAttributes().get(SessionAuthenticationFetcher.VIA))
                ? authentication.getAttributes().get(CurrentAccount.CSRF) : null;
        return new Me(me.id(), me.email(), me.displayName(), me.roles(), me.professionalId(),
                csrf == null ? null : csrf.toString());
    }

    /** Signs out: ends the current session. */
    @Post("/logout")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "session")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> logout(HttpRequest<?> request) {
        String token = request.getHeaders().getAuthorization().filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7).trim())
                .orElseGet(() -> request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).orElse(""));
        sessions.close(token);
        return HttpResponse.noContent().cookie(SessionCookie.cleared(site.secure()));
    }

    /** Changes the signed-in account's password. */
    @Post("/password")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "session")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> changePassword(Authentication authentication, @Body PasswordChange body) {
        CurrentAccount me = CurrentAccount.of(authentication);
        var credentials = accounts.byEmail(me.email()).orElseThrow();
        if (body.currentPassword() == null || !hasher.matches(body.currentPassword(), credentials.passwordHash())) {
            throw new InvalidParameterException("current_password", "does not match the current password");
        }
        admin.changePassword(me, body.newPassword());
        return HttpResponse.status(HttpStatus.NO_CONTENT).cookie(SessionCookie.cleared(site.secure()));
    }
}
