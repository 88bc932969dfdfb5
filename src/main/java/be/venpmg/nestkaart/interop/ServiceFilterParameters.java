package be.venpmg.nestkaart.interop;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

/** The service filters of the HSDS API reference, as /services and /service_at_locations both take them. */
@Introspected
record ServiceFilterParameters(
        @Parameter(description = "Free text, matched like the Nestkaart search (synonyms, everyday words)")
        @Nullable @QueryValue String search,
        @Parameter(description = "Only services with this taxonomy term (several: comma-separated, any of them)")
        @Nullable @QueryValue("taxonomy_term_id") String taxonomyTermId,
        @Parameter(description = "Only services with a term of this taxonomy")
        @Nullable @QueryValue("taxonomy_id") String taxonomyId,
        @Parameter(description = "Only services of this organisation")
        @Nullable @QueryValue("organization_id") String organizationId,
        @Parameter(description = "Only services changed on or after this date-time (RFC 3339) or date")
        @Nullable @QueryValue("modified_after") String modifiedAfter,
        @Parameter(description = "Belgian postcode: locations with this postcode, or within proximity of its centre")
        @Nullable @QueryValue String postcode,
        @Parameter(description = "Distance in metres from the centre of postcode")
        @Nullable @QueryValue String proximity) {
}
