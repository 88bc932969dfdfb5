package be.venpmg.nestkaart.search;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A validated search request.
 *
 * @param filters   facet dimension → selected values (values of one dimension are OR-ed, dimensions AND-ed)
 * @param point     centre for the distance filter and sort, from postcode or lat/lon
 * @param radiusKm  distance limit around {@code point}, when a point is given
 */
public record SearchRequest(String text, @Nullable String kind, Map<String, List<String>> filters,
                            @Nullable GeoPoint point, @Nullable Double radiusKm, @Nullable String municipality,
                            @Nullable String locality, @Nullable String eerstelijnszone, @Nullable String province,
                            @Nullable Integer maxWaitingWeeks, Sort sort, int limit, int page, Audience audience) {

    public enum Sort { RELEVANCE, DISTANCE, NAME }

    /** Who asks: parents get stepped care (first-line help first), professionals the order of the need. */
    public enum Audience { ANY, PARENTS, PROFESSIONALS }

    /** A request without an audience (API clients that do not say who asks). */
    public SearchRequest(String text, @Nullable String kind, Map<String, List<String>> filters, @Nullable GeoPoint point,
                         @Nullable Double radiusKm, @Nullable String municipality, @Nullable String locality,
                         @Nullable String eerstelijnszone, @Nullable String province, @Nullable Integer maxWaitingWeeks,
                         Sort sort, int limit, int page) {
        this(text, kind, filters, point, radiusKm, municipality, locality, eerstelijnszone, province, maxWaitingWeeks,
                sort, limit, page, Audience.ANY);
    }

    public record GeoPoint(double latitude, double longitude, @Nullable String postalCode) {
    }

    public boolean hasRegion() {
        return municipality != null || locality != null || eerstelijnszone != null || province != null;
    }

    SearchRequest withText(String newText) {
        return new SearchRequest(newText, kind, filters, point, radiusKm, municipality, locality, eerstelijnszone,
                province, maxWaitingWeeks, sort, limit, page, audience);
    }

    SearchRequest withLocality(String place) {
        return new SearchRequest(text, kind, filters, point, radiusKm, municipality, place, eerstelijnszone, province,
                maxWaitingWeeks, sort, limit, page, audience);
    }

    SearchRequest withProvince(String name) {
        return new SearchRequest(text, kind, filters, point, radiusKm, municipality, locality, eerstelijnszone, name,
                maxWaitingWeeks, sort, limit, page, audience);
    }

    /** This request without one filter: a facet dimension, "max_waiting_weeks", or a region parameter. */
    SearchRequest withoutFilter(String parameter) {
        Map<String, List<String>> rest = new java.util.LinkedHashMap<>(filters);
        rest.remove(parameter);
        return new SearchRequest(text, kind, rest, point, radiusKm,
                parameter.equals("municipality") ? null : municipality, locality,
                parameter.equals("eerstelijnszone") ? null : eerstelijnszone,
                parameter.equals("province") ? null : province,
                parameter.equals("max_waiting_weeks") ? null : maxWaitingWeeks, sort, limit, page, audience);
    }

    /** The value of a region parameter (municipality, eerstelijnszone, province), or null. */
    @Nullable
    String region(String parameter) {
        return switch (parameter) {
            case "municipality" -> municipality;
            case "eerstelijnszone" -> eerstelijnszone;
            case "province" -> province;
            default -> null;
        };
    }

    SearchRequest withoutFilters() {
        return new SearchRequest(text, kind, Map.of(), point, radiusKm, null, locality, null, null, null, sort, limit,
                page, audience);
    }

    SearchRequest withoutLocation() {
        return new SearchRequest(text, kind, filters, null, null, null, null, null, null, maxWaitingWeeks,
                sort == Sort.DISTANCE ? Sort.RELEVANCE : sort, limit, page, audience);
    }
}
