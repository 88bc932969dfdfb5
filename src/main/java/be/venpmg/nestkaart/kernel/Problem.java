package be.venpmg.nestkaart.kernel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid parameter, as the RFC's "invalid-params" extension. */
    @Serdeable
    public record InvalidParam(String name, String reason) {
    }
}
