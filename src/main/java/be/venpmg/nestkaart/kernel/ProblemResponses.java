package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error Micronaut reports (unknown route, unreadable body, conversion and validation failures, our own
 * exceptions) into an {@code application/problem+json} body, so clients meet one error format.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        HttpRequest<?> request = context.getRequest();
        List<Problem.InvalidParam> params = status.getCode() >= 500 ? List.of() : context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.InvalidParam(e.getPath().get(), plain(e.getMessage())))
                .toList();
        String detail = status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE
                // Internal failures are logged, never described to the client; "unavailable" says what to do.
                ? "The server could not answer this request."
                : context.getErrors().stream().findFirst()
                        .map(e -> e.getPath().map(p -> "Invalid parameter '" + p + "': ").orElse("")
                                + plain(e.getMessage()))
                        .orElse(status.getReason());
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                request.getPath(), params.isEmpty() ? null : params);
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * A message fit for a client: what the framework or the JSON reader says about a malformed value names Java
     * types, library settings and source positions (red-team finding); such a message becomes a plain one.
     */
    static String plain(String message) {
        if (message == null || !INTERNALS.matcher(message).find()) {
            return message;
        }
        return message.toLowerCase(java.util.Locale.ROOT).contains("json")
                ? "The body is not valid JSON, or a value in it has the wrong type."
                : "A value has the wrong type or format.";
    }

    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "`|\\b(java|javax|jakarta|be\\.venpmg|com\\.fasterxml|io\\.micronaut|io\\.netty|org)\\.[a-z]"
                    + "|\\[Source:|line: \\d+, column: \\d+|\\bclass [a-z]|Feature\\.|\\$");
}
