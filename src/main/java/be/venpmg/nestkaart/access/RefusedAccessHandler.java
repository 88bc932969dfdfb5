package be.venpmg.nestkaart.access;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A refused request: a browser page without a session goes to the sign-in page and comes back afterwards; everything
 * else gets a problem body, 401 (with {@code WWW-Authenticate}) without an account, 403 with the wrong one.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class RefusedAccessHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ErrorResponseProcessor<?> problems;

    RefusedAccessHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean page = !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!exception.isForbidden() && page) {
            return HttpResponse.seeOther(URI.create("/inloggen?terug="
                    + URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8)));
        }
        String detail = request.getAttribute(CsrfRule.REFUSED).isPresent()
                ? "A form sent with the session cookie needs the session's X-CSRF-Token header and this site's origin."
                : exception.isForbidden() ? "This account may not do this."
                : "Sign in first: this needs an account.";
        MutableHttpResponse<?> response = problems.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage(detail).build(),
                HttpResponse.status(exception.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED));
        return exception.isForbidden() ? response : response.header("WWW-Authenticate", "Bearer realm=\"nestkaart\"");
    }
}
