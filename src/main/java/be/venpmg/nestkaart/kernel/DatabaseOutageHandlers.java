package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that needs the database while it cannot be reached gets 503 with Retry-After, not 500: its transaction
 * never committed, so nothing was half saved and the client may simply send it again. Other failures stay 500.
 */
@Factory
public class DatabaseOutageHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageHandlers.class);
    static final String RETRY_AFTER_SECONDS = "30";

    @Singleton
    ExceptionHandler<SQLException, HttpResponse<?>> sqlFailure(ErrorResponseProcessor<?> problems) {
        return (HttpRequest request, SQLException e) -> answer(problems, request, e);
    }

    @Singleton
    ExceptionHandler<RuntimeException, HttpResponse<?>> wrappedFailure(ErrorResponseProcessor<?> problems) {
        return (HttpRequest request, RuntimeException e) -> answer(problems, request, e);
    }

    private static HttpResponse<?> answer(ErrorResponseProcessor<?> problems, HttpRequest<?> request, Exception e) {
        if (isOutage(e)) {
            LOG.warn("Database unreachable, answered 503: {} {}: {}", request.getMethod(), request.getPath(), e.toString());
            return problems.processResponse(ErrorContext.builder(request).cause(e)
                            .errorMessage("The database cannot be reached at the moment; nothing was saved. "
                                    + "Try again shortly.").build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS));
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), request.getPath(), e);
        return problems.processResponse(ErrorContext.builder(request).cause(e).build(), HttpResponse.serverError());
    }

    /**
     * A failure to reach the database anywhere in the chain: SQL state class 08, a pool timeout, a refused
     * connection, or Micronaut failing to prepare or release a connection — which is what a request sees when the
     * database goes away while it holds a connection (HikariCP's closed proxy says only "Connection is closed").
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || (t instanceof ConnectionException && !(t instanceof NoConnectionException))
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
