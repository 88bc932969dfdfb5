package be.venpmg.nestkaart.access;

import io.micronaut.http.HttpStatus;

/**
 * A request that is understood but cannot be carried out as asked: a workflow step out of order (409), an action
 * this account may not take on this item (403), a login that is throttled (429). Answered as a problem body.
 */
public class RequestRefusedException extends RuntimeException {
    private final HttpStatus status;

    public RequestRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static RequestRefusedException conflict(String message) {
        return new RequestRefusedException(HttpStatus.CONFLICT, message);
    }

    public static RequestRefusedException forbidden(String message) {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, message);
    }
}
