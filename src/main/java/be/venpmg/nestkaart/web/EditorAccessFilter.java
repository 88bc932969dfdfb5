package be.venpmg.nestkaart.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Closed by default: editor endpoints answer only a request carrying the configured editor token
 * ({@code NESTKAART_EDITOR_TOKEN}); without a configured token they answer 403. A stopgap until editor accounts
 * and roles exist (the editorial issue), so nothing editorial is ever open to the public.
 */
@ServerFilter("/api/v1/editor/**")
class EditorAccessFilter {
    private final byte[] token;

    EditorAccessFilter(@Value("${nestkaart.editor.api-token:}") @Nullable String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse("");
        byte[] presented = header.startsWith("Bearer ") ? header.substring(7).getBytes(StandardCharsets.UTF_8) : null;
        if (token != null && presented != null && MessageDigest.isEqual(token, presented)) {
            return null;
        }
        Problem problem = new Problem("about:blank", "Forbidden", 403, token == null
                ? "Editor access is not configured on this server." : "Editor access needs a valid editor token.",
                request.getPath(), null);
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
