package be.venpmg.nestkaart.geo;

import io.micronaut.core.annotation.Nullable;

/** One (postal code, locality) pair with its municipality, province and centroid. */
public record PostalPlace(String postalCode, String locality, String municipality, String province,
                          @Nullable String eerstelijnszone, double latitude, double longitude) {
}
