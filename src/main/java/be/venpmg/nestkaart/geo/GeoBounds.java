package be.venpmg.nestkaart.geo;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The area in which listings may lie; coordinates outside it are refused as mistakes (swapped lat/lon, typos). */
@ConfigurationProperties("nestkaart.geo")
public record GeoBounds(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

    public boolean contains(double latitude, double longitude) {
        return latitude >= minLatitude && latitude <= maxLatitude
                && longitude >= minLongitude && longitude <= maxLongitude;
    }
}
