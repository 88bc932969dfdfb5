package be.venpmg.nestkaart.access;

import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The browser's sign-in form. Login CSRF is blocked with a double-submit token (a random cookie that the form must
 * echo) plus an origin check; a successful sign-in sets the HttpOnly session cookie and returns to the page asked for.
 */
@Hidden // an HTML page, not part of the API document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginPageController {
    private static final String LOGIN_CSRF = "nk_login_csrf";
    private final LoginService logins;
    private final SessionStore sessions;
    private final SiteSecurity site;
    private final SecureRandom random = new SecureRandom();

    LoginPageController(LoginService logins, SessionStore sessions, SiteSecurity site) {
        this.logins = logins;
        this.sessions = sessions;
        this.site = site;
    }

    @Get(value = "/inloggen", produces = MediaType.TEXT_HTML)
    HttpResponse<?> form(@QueryValue @Nullable String terug) {
        return page(HttpStatus.OK, null, "", terug);
    }

    @Post(value = "/inloggen", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String presented = form.getOrDefault("login_csrf", "");
        String expected = request.getCookies().findCookie(LOGIN_CSRF).map(Cookie::getValue).orElse("");
        String terug = form.get("terug");
        if (expected.isEmpty() || !CsrfRule.sameOrigin(request) || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            return page(HttpStatus.FORBIDDEN, "Het formulier was verlopen. Probeer opnieuw.", "", terug);
        }
        String email = form.getOrDefault("email", "");
        LoginService.Outcome outcome = logins.login(email, form.getOrDefault("password", ""), site.clientAddress(request));
        if (outcome instanceof LoginService.Outcome.SignedIn in) {
            String landing = safeReturn(terug, in.account().role());
            return HttpResponse.seeOther(URI.create(landing))
                    .cookie(SessionCookie.of(in.session().token(), sessions.maxAge(), site.secure()))
                    .cookie(Cookie.of(LOGIN_CSRF, "").maxAge(0).path("/inloggen"));
        }
        return outcome instanceof LoginService.Outcome.Throttled
                ? page(HttpStatus.TOO_MANY_REQUESTS, "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
                        email, terug)
                : page(HttpStatus.UNAUTHORIZED, "Onbekend e-mailadres of verkeerd wachtwoord.", email, terug);
    }

    private HttpResponse<?> page(HttpStatus status, @Nullable String error, String email, @Nullable String terug) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> model = new HashMap<>();
        model.put("loginCsrf", token);
        model.put("error", error);
        model.put("email", email);
        model.put("terug", terug == null ? "" : terug);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .cookie(Cookie.of(LOGIN_CSRF, token).httpOnly(true).sameSite(SameSite.Strict).secure(site.secure())
                        .path("/inloggen").maxAge(Duration.ofHours(1)))
                .body(new ModelAndView<>("inloggen", model));
    }

    private static final java.util.regex.Pattern SITE_PATH =
            java.util.regex.Pattern.compile("/[A-Za-z0-9/_.~%!$&'()*+,;=:@?#-]*");

    /**
     * Only a path on this site, never an absolute or protocol-relative URL (no open redirect), and only the
     * characters a path holds (a space, tab, line break, quote or angle bracket answered 500: red-team finding).
     */
    static String safeReturn(@Nullable String terug, String role) {
        if (terug != null && SITE_PATH.matcher(terug).matches() && !terug.startsWith("//")
                && !terug.startsWith("/inloggen")) {
            return terug;
        }
        return Roles.PROFESSIONAL.equals(role) ? "/mijn-profiel"
                : Roles.REPRESENTATIVE.equals(role) ? "/mijn-organisatie"
                : Roles.COMMISSION.equals(role) ? "/commissie" : "/redactie";
    }
}
