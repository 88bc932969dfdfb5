package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.taxonomy.AccessRoute;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.CourseFormat;
import be.venpmg.nestkaart.taxonomy.CourseKind;
import be.venpmg.nestkaart.taxonomy.CourseStatus;
import be.venpmg.nestkaart.taxonomy.CourseLevel;
import be.venpmg.nestkaart.taxonomy.RecognitionLevel;
import be.venpmg.nestkaart.taxonomy.Reimbursement;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and validates the query parameters of {@code /api/v1/search}; anything unusable is a 400 naming it. */
@Singleton
public class SearchRequestParser {

    private final IndexConfigHolder config;
    private final FacetLabels labels;
    private final PostalCodeDirectory postalCodes;

    SearchRequestParser(IndexConfigHolder config, FacetLabels labels, PostalCodeDirectory postalCodes) {
        this.config = config;
        this.labels = labels;
        this.postalCodes = postalCodes;
    }

    public SearchRequest parse(HttpParameters params) {
        IndexConfig settings = config.current();
        String text = params.getFirst("q").orElse("").strip();
        int maxLength = settings.integer("query.max-length", 200);
        if (text.length() > maxLength) {
            throw new InvalidParameterException("q", "may be at most " + maxLength + " characters");
        }
        text = text.replaceAll("\\p{Cntrl}", " ");
        String kind = params.getFirst("kind").filter(k -> !k.isBlank()).orElse(null);
        if (kind != null && !IndexSchema.KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "must be one of " + IndexSchema.KINDS);
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dimension : settings.facetTaxonomies().keySet()) {
            for (String value : values(params, dimension)) {
                if (!labels.isKnownTerm(dimension, value)) {
                    throw new InvalidParameterException(dimension, "unknown value '" + value + "'");
                }
                filters.computeIfAbsent(dimension, k -> new ArrayList<>()).add(value);
            }
        }
        addChecked(params, filters, IndexSchema.REIMBURSEMENT, ClosedVocabulary.codes(Reimbursement.class));
        addChecked(params, filters, IndexSchema.ACCESS, ClosedVocabulary.codes(AccessRoute.class));
        addChecked(params, filters, IndexSchema.RECOGNITION, ClosedVocabulary.codes(RecognitionLevel.class));
        addChecked(params, filters, IndexSchema.COURSE_LEVEL, ClosedVocabulary.codes(CourseLevel.class));
        addChecked(params, filters, IndexSchema.COURSE_FORMAT, ClosedVocabulary.codes(CourseFormat.class));
        addChecked(params, filters, IndexSchema.COURSE_KIND, ClosedVocabulary.codes(CourseKind.class));
        addChecked(params, filters, IndexSchema.COURSE_STATUS, ClosedVocabulary.codes(CourseStatus.class));
        addChecked(params, filters, IndexSchema.ACCREDITED, Set.of("ja", "nee"));
        addChecked(params, filters, IndexSchema.UPCOMING, Set.of("ja", "nee"));
        for (String language : values(params, IndexSchema.LANGUAGE)) {
            if (!language.matches("[a-z]{2,3}")) {
                throw new InvalidParameterException(IndexSchema.LANGUAGE, "must be an ISO 639 code such as 'nl' or 'ar'");
            }
            filters.computeIfAbsent(IndexSchema.LANGUAGE, k -> new ArrayList<>()).add(language);
        }

        SearchRequest.GeoPoint point = null;
        String postcode = params.getFirst("postcode").filter(p -> !p.isBlank()).orElse(null);
        String near = params.getFirst("near").map(String::strip).filter(p -> !p.isBlank()).orElse(null);
        if (near != null && near.matches("\\d{4}")) {
            postcode = near;
            near = null;
        }
        if (near != null) {
            PostalPlace place = postalCodes.byName(near)
                    .orElseThrow(() -> new InvalidParameterException("near", "unknown postcode or municipality"));
            point = new SearchRequest.GeoPoint(place.latitude(), place.longitude(), place.postalCode());
        } else if (postcode != null) {
            List<PostalPlace> places = postalCodes.find(postcode);
            if (places.isEmpty()) {
                throw new InvalidParameterException("postcode", "unknown Belgian postcode '" + postcode + "'");
            }
            point = new SearchRequest.GeoPoint(places.get(0).latitude(), places.get(0).longitude(), postcode.trim());
        } else if (params.contains("lat") || params.contains("lon")) {
            double lat = number(params, "lat", -90, 90);
            double lon = number(params, "lon", -180, 180);
            point = new SearchRequest.GeoPoint(lat, lon, null);
        }
        Double radius = null;
        if (params.contains("radius_km")) {
            radius = number(params, "radius_km", 0.1, settings.integer("radius.max-km", 250));
            if (point == null) {
                throw new InvalidParameterException("radius_km", "needs a postcode or lat and lon");
            }
        } else if (point != null) {
            radius = (double) settings.integer("radius.default-km", 25);
        }
        SearchRequest.Sort sort = switch (params.getFirst("sort").orElse("relevance").toLowerCase(Locale.ROOT)) {
            case "relevance", "" -> SearchRequest.Sort.RELEVANCE;
            case "distance" -> SearchRequest.Sort.DISTANCE;
            case "name" -> SearchRequest.Sort.NAME;
            default -> throw new InvalidParameterException("sort", "must be relevance, distance or name");
        };
        if (sort == SearchRequest.Sort.DISTANCE && point == null) {
            throw new InvalidParameterException("sort", "distance needs a postcode or lat and lon");
        }
        Integer maxWaiting = params.getFirst("max_waiting_weeks").filter(v -> !v.isBlank()).isPresent()
                ? (int) number(params, "max_waiting_weeks", 0, 104) : null;
        int limit = (int) number(params, "limit", 1, settings.integer("limit.max", 100), 10);
        int page = (int) number(params, "page", 1, 1000, 1);
        SearchRequest.Audience audience = switch (params.getFirst("audience").orElse("").toLowerCase(Locale.ROOT)) {
            case "" -> SearchRequest.Audience.ANY;
            case "parents" -> SearchRequest.Audience.PARENTS;
            case "professionals" -> SearchRequest.Audience.PROFESSIONALS;
            default -> throw new InvalidParameterException("audience", "must be parents or professionals");
        };
        return new SearchRequest(text, kind, filters, point, radius, blankToNull(params, "municipality"),
                blankToNull(params, "locality"), blankToNull(params, "eerstelijnszone"), blankToNull(params, "province"),
                maxWaiting, sort, limit, page, audience);
    }

    private static void addChecked(HttpParameters params, Map<String, List<String>> filters, String name,
                                   Set<String> allowed) {
        for (String value : values(params, name)) {
            if (!allowed.contains(value)) {
                throw new InvalidParameterException(name, "must be one of " + allowed);
            }
            filters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** Values of a repeatable parameter; comma-separated values count as several. */
    private static List<String> values(HttpParameters params, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : params.getAll(name)) {
            for (String value : raw.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static String blankToNull(HttpParameters params, String name) {
        return params.getFirst(name).filter(v -> !v.isBlank()).map(String::strip).orElse(null);
    }

    private static double number(HttpParameters params, String name, double min, double max) {
        String text = params.getFirst(name).orElseThrow(() -> new InvalidParameterException(name, "is required"));
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || value < min || value > max) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a number, was '" + text + "'");
        }
    }

    private static double number(HttpParameters params, String name, double min, double max, double fallback) {
        return params.getFirst(name).filter(v -> !v.isBlank()).isPresent() ? number(params, name, min, max) : fallback;
    }
}
