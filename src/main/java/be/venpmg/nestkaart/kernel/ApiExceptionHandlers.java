package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Maps the API's own exceptions to problem responses through {@link ProblemResponses}. */
@Factory
class ApiExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidParameterException, HttpResponse<?>> invalidParameter(ErrorResponseProcessor<?> problems) {
        return (HttpRequest request, InvalidParameterException e) -> problems.processResponse(
                ErrorContext.builder(request).cause(e).error(new ParameterError(e.parameter(), e.getMessage())).build(),
                HttpResponse.badRequest());
    }

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<?>> notFound(ErrorResponseProcessor<?> problems) {
        return (HttpRequest request, NotFoundException e) -> problems.processResponse(
                ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.notFound());
    }

    private record ParameterError(String parameter, String message)
            implements io.micronaut.http.server.exceptions.response.Error {
        @Override
        public java.util.Optional<String> getPath() {
            return java.util.Optional.of(parameter);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
