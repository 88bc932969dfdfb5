package be.venpmg.nestkaart.search;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A published listing as the index sees it, assembled from the database.
 *
 * @param conceptTexts taxonomy labels, codes and lay synonyms of the listing's terms
 * @param facets       (dimension, value) pairs for filters and facet counts
 * @param summaryJson  the result card, stored so a search answers without touching the database
 * @param links        organisation, own taxonomy terms and taxonomies, last change (HSDS filters)
 * @param servedRegions region keywords (locality, municipality, eerstelijnszone, province) of the areas a service
 *                      serves beyond its places, so region filters find it
 */
public record SearchDocument(String kind, String id, String name, @Nullable String description,
                             @Nullable String organizationName, List<String> conceptTexts, List<String> languageTexts,
                             List<String> placeTexts, List<Place> places, List<Facet> facets,
                             @Nullable Integer waitingWeeks, String summaryJson, List<Facet> servedRegions,
                             Links links) {

    /** What the HSDS API filters a service on, so that its text search answers from the index alone. */
    public record Links(@Nullable String organizationId, List<String> termIds, List<String> taxonomyIds,
                        @Nullable Long modifiedMillis) {
        static final Links NONE = new Links(null, List.of(), List.of(), null);
    }

    /** The same document with another result card. */
    public SearchDocument withSummary(String json) {
        return new SearchDocument(kind, id, name, description, organizationName, conceptTexts, languageTexts,
                placeTexts, places, facets, waitingWeeks, json, servedRegions, links);
    }

    public String spellingText() {
        return String.join(" ", name, description == null ? "" : description,
                organizationName == null ? "" : organizationName, String.join(" ", conceptTexts));
    }

    public record Place(@Nullable Double latitude, @Nullable Double longitude, @Nullable String postalCode,
                        @Nullable String municipality, @Nullable String locality, @Nullable String province,
                        @Nullable String eerstelijnszone) {
    }

    public record Facet(String dimension, String value) {
    }
}
