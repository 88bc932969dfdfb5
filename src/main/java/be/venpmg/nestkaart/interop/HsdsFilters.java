package be.venpmg.nestkaart.interop;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The validated filters of an HSDS list request.
 *
 * @param search          free text, matched by the search index
 * @param taxonomyTermIds services carrying any of these terms
 * @param taxonomyId      services carrying any term of this taxonomy
 * @param organizationId  services of this organisation
 * @param modifiedAfter   changed on or after this instant
 * @param near            a postcode's centre, and the distance in metres around it (null: the postcode itself)
 */
record HsdsFilters(@Nullable String search, List<String> taxonomyTermIds, @Nullable String taxonomyId,
                   @Nullable String organizationId, @Nullable Instant modifiedAfter, @Nullable String postcode,
                   @Nullable Near near) {

    record Near(double latitude, double longitude, double meters) {
    }

    static HsdsFilters none() {
        return new HsdsFilters(null, List.of(), null, null, null, null, null);
    }
}
