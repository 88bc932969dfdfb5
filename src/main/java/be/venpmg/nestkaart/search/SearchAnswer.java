package be.venpmg.nestkaart.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /api/v1/search}: a page of result cards with facet counts, what the query was understood as,
 * how the search widened, and in a crisis the urgent help first. Empty lists are always present.
 *
 * @param corrections  words replaced by the closest word search knows; {@code searchedFor} is the text searched
 * @param location     a place read from the text ("in Gent", "regio Leuven", "provincie Limburg")
 * @param information  the information pages for parents about the need the query was read as, best first
 * @param emptyFilters when the filters together leave nothing: each filter with the total without it
 */
@Serdeable
public record SearchAnswer(long total, int page, int limit,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<ResultCard> results,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, List<FacetValue>> facets,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<Understood> understood,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<Information> information,
                           boolean crisis,
                           @Nullable String crisisMessage,
                           @Nullable List<ResultCard> urgentHelp,
                           @JsonInclude(JsonInclude.Include.ALWAYS) List<Widening> widened,
                           @Nullable List<Correction> corrections,
                           @Nullable String searchedFor,
                           @Nullable Location location,
                           @Nullable List<EmptyFilter> emptyFilters,
                           long tookMs) {

    /** The same answer, timed for this request (a cached answer took no time to search again). */
    SearchAnswer withTookMs(long ms) {
        return new SearchAnswer(total, page, limit, results, facets, understood, information, crisis, crisisMessage,
                urgentHelp, widened, corrections, searchedFor, location, emptyFilters, ms);
    }

    /** A facet value with its Dutch label and how many results carry it. */
    @Serdeable
    public record FacetValue(String value, String label, int count, boolean selected) {
    }

    /** A concept the query was read as: a taxonomy term, with the words that gave it away. */
    @Serdeable
    public record Understood(String dimension, String code, String label, String evidence) {
    }

    /** An information page for parents: its address on the site, title and summary. */
    @Serdeable
    public record Information(String slug, String path, String title, String summary) {
    }

    /** A step by which the search widened, with the sentence the page shows. */
    @Serdeable
    public record Widening(String step, String message) {
    }

    @Serdeable
    public record Correction(String from, String to) {
    }

    /** The place a query named: a postcode with its radius, a province, or a locality. */
    @Serdeable
    public record Location(String source, @Nullable String postcode, @Nullable String municipality,
                           @Nullable Double radiusKm, @Nullable String province, @Nullable String locality) {
    }

    /** A filter of an empty answer: the parameter, its Dutch label, and the total without it. */
    @Serdeable
    public record EmptyFilter(String parameter, String label, long totalWithout) {
    }
}
