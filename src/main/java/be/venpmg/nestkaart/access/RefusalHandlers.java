package be.venpmg.nestkaart.access;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Maps {@link RequestRefusedException} to its status with a problem body. */
@Factory
class RefusalHandlers {
    @Singleton
    ExceptionHandler<RequestRefusedException, HttpResponse<?>> refused(ErrorResponseProcessor<?> problems) {
        return (HttpRequest request, RequestRefusedException e) -> problems.processResponse(
                ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(e.status()));
    }
}
