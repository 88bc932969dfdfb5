package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.Ids;

import be.venpmg.nestkaart.geo.ServiceArea;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import be.venpmg.nestkaart.geo.ServiceAreas;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers searches: Dutch free text over the listing fields with query-time synonyms, multi-select facets counted
 * with drill-sideways, region and distance filters, a place typed in the text, crisis detection, "bedoelde u", and a
 * search that widens (filters, then typos, then place) rather than answer nothing.
 */
@Singleton
public class SearchService {
    private static final int FACET_VALUES = 50;
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, IndexSchema.tieBreak());
    /** Why a text whose words make a query beyond Lucene's clause limit is refused (found by the hostile-input test). */
    /** The concept dimension that marks acute danger (concepts.txt). */
    static final String CRISIS = "crisis";
    /** The weight (boost.any-word) of the query's words anywhere in a listing: the first pass's text score. */
    static final String ANY_WORD = "any-word";
    public static final String TOO_MANY_WORDS = "has too many words to search for; use fewer";

    private final SearchIndex index;
    private final IndexConfigHolder config;
    private final PlaceFinder places;
    private final FacetLabels labels;
    private final SpellingCorrector spelling;
    private final ServiceAreas serviceAreas;
    private final io.micronaut.json.JsonMapper json;
    private final SearchVocabulary vocabulary;
    private final AnswerCache answers;

    SearchService(SearchIndex index, IndexConfigHolder config, PlaceFinder places, FacetLabels labels,
                  SpellingCorrector spelling, SearchVocabulary vocabulary, ServiceAreas serviceAreas,
                  io.micronaut.json.JsonMapper json, AnswerCache answers) {
        this.answers = answers;
        this.json = json;
        this.vocabulary = vocabulary;
        this.serviceAreas = serviceAreas;
        this.index = index;
        this.config = config;
        this.places = places;
        this.labels = labels;
        this.spelling = spelling;
    }

    private static final String CRISIS_MESSAGE = "Is er acuut gevaar? Bel 112. Wil je praten over "
            + "zelfmoordgedachten: Zelfmoordlijn 1813 (gratis, dag en nacht). Hieronder staat eerst dringende hulp.";

    /** What an answer gathers on its way: corrections, place, concepts, widening steps. */
    private static final class Draft {
        List<SearchAnswer.Correction> corrections;
        String searchedFor;
        SearchAnswer.Location location;
        final List<SearchAnswer.Understood> understood = new ArrayList<>();
        boolean crisis;
        List<ConceptRecognizer.Recognised> concepts = List.of();
        final List<SearchAnswer.Widening> widened = new ArrayList<>();
        List<SearchAnswer.EmptyFilter> emptyFilters;
    }

    /** The answer to a request, computed on the current index. */
    public SearchAnswer search(SearchRequest original) {
        return onCurrentIndex((searcher, settings, recognizer) -> answer(original, settings, recognizer, searcher,
                new Draft(), System.nanoTime()));
    }

    /**
     * The answer to a request as the API serves it, from the {@link AnswerCache} when an identical request was answered
     * on this index, configuration, vocabulary and labels.
     */
    ServedAnswer served(SearchRequest original) {
        return onCurrentIndex((searcher, settings, recognizer) -> answers.answer(searcher.getIndexReader(), settings,
                recognizer, labels.version(), original, () -> {
                    SearchAnswer answer = answer(original, settings, recognizer, searcher, new Draft(), System.nanoTime());
                    try {
                        return ServedAnswer.of(json.writeValueAsBytes(answer.withTookMs(0)), answer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private interface OnIndex<T> {
        T apply(FacetSearcher searcher, IndexConfig settings, ConceptRecognizer recognizer);
    }

    private <T> T onCurrentIndex(OnIndex<T> work) {
        IndexConfig settings = config.current();
        FacetSearcher searcher;
        try {
            searcher = index.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher, settings, vocabulary.recognizer(settings));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidParameterException("q", TOO_MANY_WORDS);
        } finally {
            index.release(searcher);
        }
    }

    private SearchAnswer answer(SearchRequest original, IndexConfig settings, ConceptRecognizer recognizer,
                                FacetSearcher searcher, Draft response, long started) {
        try {
            SearchRequest request = original;
            if (!request.text().isBlank() && settings.flag("spelling.per-word")) {
                SpellingCorrector.Corrected corrected = spelling.correct(request.text(), searcher.getIndexReader(),
                        settings, recognizer);
                if (!corrected.corrections().isEmpty()) {
                    response.corrections = corrected.corrections().stream()
                            .map(c -> new SearchAnswer.Correction(c.from(), c.to())).toList();
                    response.searchedFor = corrected.text();
                    request = request.withText(corrected.text());
                }
            }
            request = placeInText(request, settings, response);
            List<ConceptRecognizer.Recognised> concepts = request.text().isBlank() ? List.of()
                    : recognizer.recognise(request.text());
            response.concepts = concepts;
            for (ConceptRecognizer.Recognised concept : concepts) {
                if (concept.dimension().equals(CRISIS)) {
                    continue;
                }
                response.understood.add(new SearchAnswer.Understood(concept.dimension(), concept.code(),
                        labels.label(concept.dimension(), concept.code()), concept.evidence()));
            }
            // Read on what was typed and on the corrected text: a misspelt cry for help is still one.
            boolean crisis = concepts.stream().anyMatch(c -> c.dimension().equals(CRISIS))
                    || (!original.text().equals(request.text()) && isCrisis(recognizer, original.text()));
            response.crisis = crisis;

            List<SearchAnswer.Widening> widened = response.widened;
            Outcome outcome = run(searcher, request, settings, crisis, false, concepts);
            if (outcome.total == 0 && hasFilters(request)) {
                // The filters stay applied: the answer says which of them empties the result, and how much each
                // one alone would give back, so the person decides which to drop.
                SearchRequest unfiltered = request.withoutFilters();
                String typedProvince = response.location == null ? null : response.location.province();
                if (typedProvince != null) {
                    unfiltered = unfiltered.withProvince(typedProvince);
                }
                if (run(searcher, unfiltered, settings, crisis, false, concepts).total > 0) {
                    explainEmptyFilters(searcher, request, settings, crisis, concepts, typedProvince, response, widened);
                    return finish(response, request, outcome, crisis, searcher, settings, started);
                }
            }
            // In a crisis the urgent-help block is the answer: no guessing at look-alike words.
            // A widening is announced only when it found something: "we show results for …" above no results
            // contradicts itself (a tester's finding in the course catalogue).
            if (outcome.total == 0 && !request.text().isBlank() && !crisis) {
                Outcome fuzzy = run(searcher, request, settings, crisis, true, concepts);
                if (fuzzy.total > 0) {
                    outcome = fuzzy;
                    widened.add(new SearchAnswer.Widening("fuzzy", "Niets gevonden voor precies deze woorden: we "
                            + "tonen resultaten voor woorden die erop lijken."));
                }
            }
            if (outcome.total == 0 && (request.point() != null || request.hasRegion())) {
                SearchRequest everywhere = request.withoutLocation();
                Outcome wider = run(searcher, everywhere, settings, crisis, true, concepts);
                if (wider.total > 0) {
                    request = everywhere;
                    outcome = wider;
                    widened.add(new SearchAnswer.Widening("location",
                            "Niets gevonden in deze buurt: we tonen resultaten in heel Vlaanderen en Brussel."));
                }
            }
            return finish(response, request, outcome, crisis, searcher, settings, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchAnswer finish(Draft response, SearchRequest request, Outcome outcome, boolean crisis,
                                FacetSearcher searcher, IndexConfig settings, long started) throws IOException {
        return new SearchAnswer(outcome.total, request.page(), request.limit(), outcome.results, outcome.facets,
                response.understood, information(searcher, response.concepts, settings), crisis, crisis ? CRISIS_MESSAGE : null,
                crisis ? urgentListings(searcher, settings) : null, response.widened, response.corrections,
                response.searchedFor, response.location, response.emptyFilters,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean hasFilters(SearchRequest request) {
        return !request.filters().isEmpty() || request.maxWaitingWeeks() != null || request.municipality() != null
                || request.eerstelijnszone() != null || request.province() != null;
    }

    /** For each filter of an empty answer: how many results there are without that one filter. */
    private void explainEmptyFilters(FacetSearcher searcher, SearchRequest request, IndexConfig settings,
                                     boolean crisis, List<ConceptRecognizer.Recognised> concepts,
                                     String typedProvince, Draft response, List<SearchAnswer.Widening> widened)
            throws IOException {
        List<SearchAnswer.EmptyFilter> empty = new ArrayList<>();
        response.emptyFilters = empty;
        Map<String, SearchRequest> without = new java.util.LinkedHashMap<>();
        request.filters().keySet().forEach(dimension -> without.put(dimension, request.withoutFilter(dimension)));
        if (request.maxWaitingWeeks() != null) {
            without.put("max_waiting_weeks", request.withoutFilter("max_waiting_weeks"));
        }
        for (String region : List.of("municipality", "eerstelijnszone", "province")) {
            if (request.region(region) != null && !(region.equals("province") && typedProvince != null)) {
                without.put(region, request.withoutFilter(region));
            }
        }
        for (Map.Entry<String, SearchRequest> entry : without.entrySet()) {
            long total = run(searcher, entry.getValue(), settings, crisis, false, concepts).total;
            String label = filterLabel(entry.getKey(), request);
            empty.add(new SearchAnswer.EmptyFilter(entry.getKey(), label, total));
            widened.add(new SearchAnswer.Widening("filter:" + entry.getKey(),
                    "Niets gevonden met al je filters. Zonder de filter " + label + " zijn er " + total
                            + (total == 1 ? " resultaat." : " resultaten.")));
        }
    }

    private String filterLabel(String parameter, SearchRequest request) {
        return switch (parameter) {
            case "max_waiting_weeks" -> "wachttijd (hoogstens " + request.maxWaitingWeeks() + " weken)";
            case "municipality", "eerstelijnszone", "province" -> parameter.equals("eerstelijnszone")
                    ? "eerstelijnszone " + request.region(parameter) : request.region(parameter);
            default -> request.filters().get(parameter).stream().map(v -> labels.label(parameter, v))
                    .collect(java.util.stream.Collectors.joining(" of "));
        };
    }

    /** A place typed in the text becomes the request's location, unless the request already has one. */
    private SearchRequest placeInText(SearchRequest request, IndexConfig settings, Draft response) {
        if (!settings.flag("place-in-query.enabled") || request.text().isBlank() || request.point() != null
                || request.hasRegion()) {
            return request;
        }
        var found = places.find(request.text(), settings.notPlaces());
        if (found.isEmpty()) {
            return request;
        }
        var place = found.get();
        if (place.postcode() != null) {
            var p = place.postcode();
            SearchRequest near = new SearchRequest(place.remainingText(), request.kind(), request.filters(),
                    new SearchRequest.GeoPoint(p.latitude(), p.longitude(), p.postalCode()),
                    (double) settings.integer("radius.default-km", 25), null, null, null, null,
                    request.maxWaitingWeeks(), request.sort(), request.limit(), request.page(), request.audience());
            response.location = new SearchAnswer.Location("query", p.postalCode(), p.municipality(), near.radiusKm(),
                    null, null);
            return near;
        }
        if (place.province() != null) {
            response.location = new SearchAnswer.Location("query", null, null, null, place.province(), null);
            return request.withText(place.remainingText()).withProvince(place.province());
        }
        response.location = new SearchAnswer.Location("query", null, null, null, null, place.locality());
        return request.withText(place.remainingText()).withLocality(place.locality());
    }

    /**
     * Ids of the listings of one kind whose text matches, best first, at most {@code max}: the plain text match of a
     * search, without place detection or widening, for callers that filter further themselves (the HSDS API).
     */
    public List<String> matchingIds(String kind, String text, int max) {
        try {
            FacetSearcher searcher = index.acquire();
            try {
                Query query = new BooleanQuery.Builder()
                        .add(textQuery(text, config.current()), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(IndexSchema.KIND, kind)), BooleanClause.Occur.FILTER)
                        .build();
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, Math.max(1, max), BEST_FIRST).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get(IndexSchema.ID));
                }
                return ids;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the HSDS API filters listings on besides their text; null or empty means no filter. */
    public record ListingFilter(@Nullable String organizationId, List<String> termIds, @Nullable String taxonomyId,
                                @Nullable Long modifiedAfterMillis, @Nullable String postcode,
                                @Nullable GeoCircle near) {
        public static final ListingFilter NONE = new ListingFilter(null, List.of(), null, null, null, null);
    }

    public record GeoCircle(double latitude, double longitude, double meters) {
    }

    /** A page of listing ids, best first, and how many match in all. */
    public record IdPage(List<String> ids, long total) {
    }

    /**
     * The listings of one kind whose text matches and that pass the filter, best first: a page and the total, from
     * the index alone (the HSDS API's {@code search}).
     */
    public IdPage listingPage(String kind, String text, ListingFilter filter, int offset, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(textQuery(text, config.current()), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.KIND, kind)), BooleanClause.Occur.FILTER);
        if (filter.organizationId() != null) {
            query.add(new TermQuery(new Term(IndexSchema.ORGANIZATION_ID, filter.organizationId())),
                    BooleanClause.Occur.FILTER);
        }
        if (!filter.termIds().isEmpty()) {
            BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
            filter.termIds().forEach(id -> anyTerm.add(new TermQuery(new Term(IndexSchema.TERM_ID, id)),
                    BooleanClause.Occur.SHOULD));
            query.add(anyTerm.build(), BooleanClause.Occur.FILTER);
        }
        if (filter.taxonomyId() != null) {
            query.add(new TermQuery(new Term(IndexSchema.TAXONOMY_ID, filter.taxonomyId())), BooleanClause.Occur.FILTER);
        }
        if (filter.modifiedAfterMillis() != null) {
            query.add(org.apache.lucene.document.LongPoint.newRangeQuery(IndexSchema.MODIFIED,
                    filter.modifiedAfterMillis(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        if (filter.near() != null) {
            query.add(LatLonPoint.newDistanceQuery(IndexSchema.POINT, filter.near().latitude(),
                    filter.near().longitude(), filter.near().meters()), BooleanClause.Occur.FILTER);
        } else if (filter.postcode() != null) {
            query.add(new TermQuery(new Term(IndexSchema.POSTCODE, IndexSchema.keyword(filter.postcode()))),
                    BooleanClause.Occur.FILTER);
        }
        Query built = query.build();
        try {
            FacetSearcher searcher = index.acquire();
            try {
                ScoreDoc[] hits = searcher.search(built, Math.max(1, offset + limit), BEST_FIRST).scoreDocs;
                List<String> ids = new ArrayList<>();
                for (int i = offset; i < hits.length; i++) {
                    ids.add(searcher.storedFields().document(hits[i].doc).get(IndexSchema.ID));
                }
                return new IdPage(ids, searcher.count(built));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the index holds about one listing (the summary a result card shows), for pages that must answer while the
     * database cannot be reached; empty when the index does not hold it or is not ready.
     */
    public Optional<Map<String, Object>> storedSummary(String kind, String id) {
        if (!index.isReady()) {
            return Optional.empty();
        }
        try {
            FacetSearcher searcher = index.acquire();
            try {
                TopDocs found = searcher.search(new TermQuery(IndexSchema.uid(kind, id)), 1);
                if (found.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                String summary = searcher.storedFields().document(found.scoreDocs[0].doc).get(IndexSchema.SUMMARY);
                return Optional.of(json.readValue(summary, Argument.mapOf(String.class, Object.class)));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Outcome(long total, List<ResultCard> results, Map<String, List<SearchAnswer.FacetValue>> facets) {
    }

    private Outcome run(FacetSearcher searcher, SearchRequest request, IndexConfig settings, boolean crisis,
                        boolean fuzzy, List<ConceptRecognizer.Recognised> concepts) throws IOException {
        Map<String, List<SearchAnswer.FacetValue>> facets = new java.util.LinkedHashMap<>();
        if (searcher.facetState() == null) {
            return new Outcome(0, List.of(), facets);
        }
        TextMatch text = request.text().isBlank() ? null
                : withConcepts(fuzzy ? fuzzyQuery(request.text(), settings) : textMatch(request.text(), settings),
                        concepts, settings);
        NearAreas nearAreas = nearAreas(request, settings);
        List<BooleanClause> restrictions = restrictions(request, searcher.getIndexReader(), nearAreas.all());
        Query urgent = crisis ? urgentHelp(settings) : null;
        int topN = Math.max(1, request.page() * request.limit());
        Sort sort = sort(request);
        DrillSideways sideways = new DrillSideways(searcher, index.facetsConfig(), searcher.facetState());
        Query ranking = null; // the full query, for the orders other than best first
        long matched;
        DrillSideways.ConcurrentDrillSidewaysResult<?> counted;
        TopDocs hits;
        if (sort == BEST_FIRST && text != null) {
            // Two phases, as search engines rescore: the one pass over every match that the counts and facets need
            // anyway also ranks by a cheap score (the words in the one "all" field, the concepts, place and stepped
            // care), and keeps a window of the best; only that window gets the rest of the full query's score: the
            // text field by field and all words together, and the distance (which would cost a distance per match
            // here; being inside the radius or area counts in the first pass already).
            int window = Math.max(topN * 2, settings.integer("rescore.window", 200));
            DrillDownQuery cheap = drillDown(baseQuery(steppedCare(nearFirst(text.cheap(), request, settings,
                    nearAreas, false), request, settings), urgent, restrictions), request);
            DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> firstPass = sideways.search(cheap,
                    new TopFieldCollectorManager(BEST_FIRST, window, null, Integer.MAX_VALUE, true));
            counted = firstPass;
            matched = firstPass.collectorResult.totalHits.value;
            hits = rescore(searcher, refinement(text.refinement(), closeness(request, settings)),
                    firstPass.collectorResult, topN);
        } else {
            // Counted and faceted without scores (every match is visited for the counts anyway), then ranked in the
            // requested order, which lets Lucene skip what cannot make the page.
            DrillDownQuery counting = drillDown(baseQuery(text == null ? null : text.matching(), urgent,
                    restrictions), request);
            DrillSideways.ConcurrentDrillSidewaysResult<Integer> countedOnly =
                    sideways.search(counting, new TotalHitCountCollectorManager());
            counted = countedOnly;
            matched = countedOnly.collectorResult;
            ranking = drillDown(baseQuery(steppedCare(nearFirst(text == null ? null : text.scored(), request,
                    settings, nearAreas, true), request, settings), urgent, restrictions), request);
            hits = searcher.search(ranking, new TopFieldCollectorManager(sort, topN, null, topN, true));
        }

        for (String dimension : facetDimensions(settings)) {
            FacetResult counts = counted.facets.getTopChildren(FACET_VALUES, dimension);
            List<SearchAnswer.FacetValue> values = new ArrayList<>();
            facets.put(dimension, values);
            if (counts == null) {
                continue;
            }
            List<String> selected = request.filters().getOrDefault(dimension, List.of());
            for (LabelAndValue value : counts.labelValues) {
                values.add(new SearchAnswer.FacetValue(value.label, labels.label(dimension, value.label),
                        value.value.intValue(), selected.contains(value.label)));
            }
        }

        int from = (request.page() - 1) * request.limit();
        ScoreDoc[] page = from >= hits.scoreDocs.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(hits.scoreDocs, from, Math.min(hits.scoreDocs.length, from + request.limit()));
        if (sort.getSort()[0].getType() == SortField.Type.SCORE) {
            for (ScoreDoc hit : page) {
                hit.score = (Float) ((FieldDoc) hit).fields[0];
            }
        } else {
            TopFieldCollector.populateScores(page, searcher, ranking); // the other orders leave scores out
        }
        String[] snippets = snippets(searcher, text == null ? null : text.highlighted(), page, settings);
        List<ResultCard> results = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            ResultCard card = card(searcher.storedFields().document(page[i].doc));
            Double km = request.point() == null ? null : nearestKm(card, request.point());
            results.add(card.scored(Float.isNaN(page[i].score) ? null : page[i].score,
                    km == null ? null : Math.round(km * 10) / 10.0, snippets[i]));
        }
        // The counting query may reach a listing the ranking query cannot (a multi-word synonym whose words sit in
        // different fields); an empty first page must still read as nothing found, so the search widens.
        long total = hits.scoreDocs.length == 0 && from == 0 ? 0 : matched;
        return new Outcome(total, results, facets);
    }

    /** What the full ranking query adds to the first pass's score; null when it adds nothing. */
    @Nullable
    private static Query refinement(@Nullable Query text, @Nullable Query closeness) {
        if (text == null || closeness == null) {
            return text == null ? closeness : text;
        }
        return new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD)
                .add(closeness, BooleanClause.Occur.SHOULD).build();
    }

    /**
     * The first pass's window with the refinement's score added (Lucene's {@link QueryRescorer}: only the window's
     * listings are scored), best first and by uid among equals, as a full search orders them. Clauses add up in a
     * boolean query, so first pass + refinement is the full query's score.
     */
    private static TopDocs rescore(FacetSearcher searcher, @Nullable Query refinement, TopFieldDocs window, int topN)
            throws IOException {
        for (ScoreDoc hit : window.scoreDocs) {
            hit.score = (Float) ((FieldDoc) hit).fields[0];
        }
        ScoreDoc[] ranked = refinement == null ? window.scoreDocs : new QueryRescorer(refinement) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
            }
        }.rescore(searcher, window, window.scoreDocs.length).scoreDocs;
        FieldDoc[] best = new FieldDoc[ranked.length];
        for (int i = 0; i < ranked.length; i++) {
            FieldDoc hit = (FieldDoc) ranked[i];
            best[i] = new FieldDoc(hit.doc, hit.score, new Object[] {hit.score, hit.fields[1]});
        }
        Arrays.sort(best, Comparator.comparing((FieldDoc hit) -> -hit.score)
                .thenComparingLong(hit -> (Long) hit.fields[1]));
        return new TopDocs(window.totalHits, Arrays.copyOf(best, Math.min(topN, best.length)));
    }

    /**
     * The words of a request as a ranking query, as a cheap ranking query for the first pass (the "all" field alone:
     * it matches what the ranking query matches) and what the ranking query adds to it (null: nothing), as a query
     * that only says which listings match, and as the query
     * on the description alone that marks the words in the snippet (the highlighter re-runs its query per result).
     */
    private record TextMatch(Query scored, Query cheap, @Nullable Query refinement, Query matching,
                             Query highlighted) {
    }

    /**
     * Near a place, closeness counts in the order: a listing at distance d gets up to {@code distance.weight}
     * (weight × pivot / (pivot + d)), less than one concept, so a close service that answers the need comes before a
     * far one, but never before a service that answers it better. Null without a place.
     */
    @Nullable
    private static Query closeness(SearchRequest request, IndexConfig settings) {
        float weight = settings.number("distance.weight", 0);
        if (request.point() == null || weight <= 0) {
            return null;
        }
        return LatLonPoint.newDistanceFeatureQuery(IndexSchema.POINT, weight, request.point().latitude(),
                request.point().longitude(), settings.number("distance.pivot-km", 10) * 1000);
    }

    /**
     * The text with what the place adds: being inside the radius or area, and (when {@code byDistance}) closeness;
     * the text alone without a place.
     */
    private Query nearFirst(Query text, SearchRequest request, IndexConfig settings, NearAreas nearAreas,
                            boolean byDistance) {
        Query closeness = closeness(request, settings);
        if (closeness == null) {
            return text;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        if (byDistance) {
            query.add(closeness, BooleanClause.Occur.SHOULD);
        }
        if (request.radiusKm() != null) {
            // Services in the place itself, or serving its municipality or zone, come before those that serve everyone
            // from elsewhere; for parents every area that covers the place counts as in the place (a helpline, online
            // help), so stepped care can put first-line help first.
            BooleanQuery.Builder inside = new BooleanQuery.Builder().add(LatLonPoint.newDistanceQuery(IndexSchema.POINT,
                    request.point().latitude(), request.point().longitude(), request.radiusKm() * 1000),
                    BooleanClause.Occur.SHOULD);
            (request.audience() == SearchRequest.Audience.PARENTS ? nearAreas.all() : nearAreas.local())
                    .forEach(area -> inside.add(areaTerm(area), BooleanClause.Occur.SHOULD));
            query.add(new BoostQuery(new ConstantScoreQuery(inside.build()), settings.number("near.inside-weight", 6)),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * Stepped care for parents: among the listings that answer the need, first-line and basic support
     * ({@code audience.parents.first-line}: care lines) comes before specialised care, and listings only for
     * professionals come last. The weights stay below a concept's, so the need still decides first.
     */
    private Query steppedCare(Query scored, SearchRequest request, IndexConfig settings) {
        if (request.audience() != SearchRequest.Audience.PARENTS) {
            return scored;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(scored == null ? new MatchAllDocsQuery() : scored, BooleanClause.Occur.MUST);
        BooleanQuery.Builder firstLine = new BooleanQuery.Builder();
        settings.list("audience.parents.first-line").forEach(line ->
                firstLine.add(facetTerm("careline:" + line), BooleanClause.Occur.SHOULD));
        query.add(new BoostQuery(new ConstantScoreQuery(firstLine.build()),
                settings.number("audience.parents.first-line-weight", 4)), BooleanClause.Occur.SHOULD);
        BooleanQuery.Builder forParents = new BooleanQuery.Builder();
        settings.list("audience.parents.targets").forEach(target ->
                forParents.add(facetTerm("target_group:" + target), BooleanClause.Occur.SHOULD));
        Query professionalsOnly = new BooleanQuery.Builder()
                .add(facetTerm("target_group:professionals"), BooleanClause.Occur.MUST)
                .add(forParents.build(), BooleanClause.Occur.MUST_NOT).build();
        Query notOnlyForProfessionals = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(professionalsOnly, BooleanClause.Occur.MUST_NOT).build();
        query.add(new BoostQuery(new ConstantScoreQuery(notOnlyForProfessionals),
                settings.number("audience.parents.not-professionals-only-weight", 6)), BooleanClause.Occur.SHOULD);
        return query.build();
    }

    /**
     * The {@link IndexSchema#AREA} values that cover the request's place: every value of {@code near.areas} (all of
     * Flanders, remote), and the province, municipality and eerstelijnszone the point lies in; the last two
     * ({@code near.local-areas}) are local to the place.
     */
    private record NearAreas(List<String> all, List<String> local) {
    }

    private NearAreas nearAreas(SearchRequest request, IndexConfig settings) {
        if (request.point() == null) {
            return new NearAreas(List.of(), List.of());
        }
        List<String> all = new ArrayList<>(settings.list("near.areas"));
        List<String> local = new ArrayList<>();
        List<String> localScopes = settings.list("near.local-areas");
        for (ServiceArea area : serviceAreas.covering(request.point().latitude(), request.point().longitude())) {
            all.add(area.key());
            if (localScopes.contains(area.scope().wire())) {
                local.add(area.key());
            }
        }
        return new NearAreas(all, local);
    }

    /** The text clause with the restrictions; in a crisis, urgent help is found whatever the text. */
    private static Query baseQuery(Query text, Query urgent, List<BooleanClause> restrictions) {
        BooleanQuery.Builder base = new BooleanQuery.Builder();
        if (urgent != null) {
            base.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.SHOULD);
            base.add(urgent, BooleanClause.Occur.SHOULD); // constant scores by rank: see urgentHelp

            base.setMinimumNumberShouldMatch(1);
        } else {
            base.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        }
        restrictions.forEach(base::add);
        return base.build();
    }

    /** Kind, region, waiting time and distance as non-scoring clauses. */
    private List<BooleanClause> restrictions(SearchRequest request, IndexReader reader, List<String> nearAreas)
            throws IOException {
        List<BooleanClause> clauses = new ArrayList<>();
        clauses.add(new BooleanClause(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.PAGE)),
                BooleanClause.Occur.MUST_NOT));
        if (request.kind() != null) {
            addKindFilter(clauses, request.kind(), reader);
        } else {
            // Courses live in the catalogue (kind=course): someone looking for help should not get training.
            clauses.add(new BooleanClause(new TermQuery(new Term(IndexSchema.KIND, "course")),
                    BooleanClause.Occur.MUST_NOT));
        }
        addKeywordFilter(clauses, IndexSchema.MUNICIPALITY, request.municipality());
        addKeywordFilter(clauses, IndexSchema.LOCALITY, request.locality());
        addKeywordFilter(clauses, IndexSchema.EERSTELIJNSZONE, request.eerstelijnszone());
        addKeywordFilter(clauses, IndexSchema.PROVINCE, request.province());
        if (request.maxWaitingWeeks() != null) {
            // Listings without a reported waiting time cannot promise one: they are left out.
            clauses.add(new BooleanClause(IntPoint.newRangeQuery(IndexSchema.WAITING_WEEKS, 0, request.maxWaitingWeeks()),
                    BooleanClause.Occur.FILTER));
        }
        if (request.point() != null && request.radiusKm() != null) {
            // Near a place: what is within the radius, and what serves it (everyone, by phone or online, or an area
            // that covers the place).
            BooleanQuery.Builder near = new BooleanQuery.Builder().add(LatLonPoint.newDistanceQuery(IndexSchema.POINT,
                    request.point().latitude(), request.point().longitude(), request.radiusKm() * 1000),
                    BooleanClause.Occur.SHOULD);
            for (String area : nearAreas) {
                near.add(areaTerm(area), BooleanClause.Occur.SHOULD);
            }
            clauses.add(new BooleanClause(near.build(), BooleanClause.Occur.FILTER));
        }
        return clauses;
    }

    private DrillDownQuery drillDown(Query base, SearchRequest request) {
        DrillDownQuery drillDown = new DrillDownQuery(index.facetsConfig(), base);
        request.filters().forEach((dimension, values) -> values.forEach(v -> drillDown.add(dimension, v)));
        return drillDown;
    }

    /**
     * Ranks on the facts: a listing carrying the taxonomy term of a recognised concept gets that concept's weight
     * ({@code concept.weight.<dimension>}), and the text score is scaled down so words common to the whole domain
     * only order listings within the same answer to the need. Listings that only match a concept are found too.
     */
    private TextMatch withConcepts(TextMatch text, List<ConceptRecognizer.Recognised> concepts, IndexConfig settings) {
        List<Query> clauses = new ArrayList<>();
        for (ConceptRecognizer.Recognised concept : concepts) {
            float weight = settings.number("concept.weight." + concept.dimension(), 0);
            if (weight > 0) {
                clauses.add(new BoostQuery(new ConstantScoreQuery(conceptQuery(concept, settings)), weight));
            }
        }
        if (clauses.isEmpty()) {
            return text;
        }
        float textWeight = settings.number("concept.text-weight", 0.2f);
        BooleanQuery.Builder scored = new BooleanQuery.Builder()
                .add(new BoostQuery(text.scored(), textWeight), BooleanClause.Occur.SHOULD);
        BooleanQuery.Builder cheap = new BooleanQuery.Builder()
                .add(new BoostQuery(text.cheap(), textWeight), BooleanClause.Occur.SHOULD);
        BooleanQuery.Builder matching = new BooleanQuery.Builder().add(text.matching(), BooleanClause.Occur.SHOULD);
        for (Query clause : clauses) {
            scored.add(clause, BooleanClause.Occur.SHOULD);
            cheap.add(clause, BooleanClause.Occur.SHOULD);
            matching.add(clause, BooleanClause.Occur.SHOULD);
        }
        return new TextMatch(scored.build(), cheap.build(),
                text.refinement() == null ? null : new BoostQuery(text.refinement(), textWeight),
                new ConstantScoreQuery(matching.build()), text.highlighted());
    }

    /** The listings that answer a concept: its taxonomy term, or for some dimensions also its words in the text. */
    private Query conceptQuery(ConceptRecognizer.Recognised concept, IndexConfig settings) {
        String dimension = concept.dimension();
        Query term = new TermQuery(DrillDownQuery.term(index.facetsConfig().getDimConfig(dimension).indexFieldName,
                dimension, concept.code()));
        if (!settings.list("concept.text-evidence").contains(dimension)) {
            return term;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(term, BooleanClause.Occur.SHOULD);
        for (String stem : settings.conceptVocabulary().singleWordStems(dimension + ":" + concept.code())) {
            any.add(new TermQuery(new Term(IndexSchema.DESCRIPTION, stem)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private TextMatch textMatch(String text, IndexConfig settings) {
        // Every text field is also in the "all" field, analysed alike: any query word there is the same match set
        // as any word in any field, with one posting list per word instead of one per word and field.
        Query anyWord = anyWord(text, settings);
        if (anyWord == null) {
            Query all = new MatchAllDocsQuery();
            return new TextMatch(all, all, null, all, null);
        }
        Query cheap = new BoostQuery(anyWord, settings.boost(ANY_WORD));
        Query fields = textQuery(text, anyWord, settings);
        Query scored = new BooleanQuery.Builder().add(cheap, BooleanClause.Occur.SHOULD)
                .add(fields, BooleanClause.Occur.SHOULD).build();
        return new TextMatch(scored, cheap, fields, new ConstantScoreQuery(anyWord),
                QueryOnField.rebuild(anyWord, IndexSchema.DESCRIPTION));
    }

    /** Any of the words (with their synonyms) in the "all" field; null when the text has no word to search for. */
    @Nullable
    private static Query anyWord(String text, IndexConfig settings) {
        return queryBuilder(settings).createBooleanQuery(IndexSchema.ALL, text, BooleanClause.Occur.SHOULD);
    }

    static QueryBuilder queryBuilder(IndexConfig settings) {
        QueryBuilder builder = new GraphSafeQueryBuilder(settings.queryAnalyzer());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(false);
        return builder;
    }

    /**
     * Multi-word synonyms make a token graph, which the query builder walks path by path (it ranks best). Stop words
     * removed inside a synonym's other words can leave a hole the walk cannot cross (Lucene asserts "state=0
     * nextState=0", seen on "zwanger worden lukt al lang niet"); that text is then read position by position.
     */
    private static final class GraphSafeQueryBuilder extends QueryBuilder {
        GraphSafeQueryBuilder(Analyzer analyzer) {
            super(analyzer);
        }

        @Override
        protected Query createFieldQuery(Analyzer analyzer, BooleanClause.Occur operator, String field,
                                         String queryText, boolean quoted, int phraseSlop) {
            try {
                return super.createFieldQuery(analyzer, operator, field, queryText, quoted, phraseSlop);
            } catch (AssertionError | IllegalStateException | IllegalArgumentException e) {
                boolean graph = getEnableGraphQueries();
                setEnableGraphQueries(false);
                try {
                    return super.createFieldQuery(analyzer, operator, field, queryText, quoted, phraseSlop);
                } finally {
                    setEnableGraphQueries(graph);
                }
            }
        }
    }

    Query textQuery(String text, IndexConfig settings) {
        return textQuery(text, anyWord(text, settings), settings);
    }

    /** The words field by field ({@code anyWord} moved to each weighed field) and all words together. */
    private static Query textQuery(String text, @Nullable Query anyWord, IndexConfig settings) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String field : IndexSchema.TEXT_FIELDS) {
            if (anyWord == null || settings.boost(field) <= 0) {
                continue; // a field weighed 0 is left to the "all" field, which holds its words too
            }
            query.add(new BoostQuery(QueryOnField.rebuild(anyWord, field), settings.boost(field)),
                    BooleanClause.Occur.SHOULD);
        }
        // Listings that hold every word of the query somewhere come first.
        Query everyWord = queryBuilder(settings).createBooleanQuery(IndexSchema.ALL, text, BooleanClause.Occur.MUST);
        if (everyWord != null) {
            query.add(new BoostQuery(everyWord, settings.boost(IndexSchema.ALL)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    private TextMatch fuzzyQuery(String text, IndexConfig settings) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int minLength = settings.integer("widen.fuzzy.min-length", 4);
        int maxEdits = settings.integer("widen.fuzzy.max-edits", 2);
        for (String word : words(settings.spellingAnalyzer(), text)) {
            if (word.length() >= minLength) {
                query.add(new FuzzyQuery(new Term(IndexSchema.SPELL, word), word.length() >= 8 ? maxEdits : 1),
                        BooleanClause.Occur.SHOULD);
            }
        }
        Query anyWord = anyWord(text, settings);
        query.add(textQuery(text, anyWord, settings), BooleanClause.Occur.SHOULD);
        Query scored = query.build();
        return new TextMatch(scored, scored, null, new ConstantScoreQuery(scored),
                anyWord == null ? null : QueryOnField.rebuild(anyWord, IndexSchema.DESCRIPTION));
    }

    /** Urgent help lifted above every other result, in the order of urgent-help.txt. */
    private Query urgentHelp(IndexConfig settings) {
        BooleanQuery.Builder urgent = new BooleanQuery.Builder();
        List<String> entries = settings.urgentHelp();
        float boost = settings.integer("crisis.boost", 1000);
        for (int i = 0; i < entries.size(); i++) {
            urgent.add(new BoostQuery(new ConstantScoreQuery(facetTerm(entries.get(i))), boost * (entries.size() - i)),
                    BooleanClause.Occur.SHOULD);
        }
        return urgent.build();
    }

    private TermQuery areaTerm(String area) {
        return facetTerm(IndexSchema.AREA + ":" + area);
    }

    /** The drill-down term of "dimension:code". */
    private TermQuery facetTerm(String entry) {
        int colon = entry.indexOf(':');
        return index.facetTerm(entry.substring(0, colon), entry.substring(colon + 1));
    }

    /**
     * The information pages about what the query was read as: pages that carry a recognised need, those that carry
     * more of them first. Only needs the vocabulary recognised count, never a shared common word, so a page shows
     * when the search understood the need (however it was phrased) and not otherwise.
     */
    private List<SearchAnswer.Information> information(FacetSearcher searcher,
                                                       List<ConceptRecognizer.Recognised> concepts,
                                                       IndexConfig settings) throws IOException {
        // A need (a problem, a target group) must match; the rest of what was recognised (the phase) only ranks.
        java.util.Set<String> needDimensions = java.util.Set.copyOf(settings.list("information.need-dimensions"));
        BooleanQuery.Builder needs = new BooleanQuery.Builder();
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean anyNeed = false;
        for (ConceptRecognizer.Recognised concept : concepts) {
            if (concept.dimension().equals(CRISIS) || !seen.add(concept.dimension() + ":" + concept.code())) {
                continue;
            }
            Query term = new ConstantScoreQuery(index.facetTerm(concept.dimension(), concept.code()));
            ranking.add(term, BooleanClause.Occur.SHOULD);
            if (needDimensions.contains(concept.dimension())) {
                needs.add(term, BooleanClause.Occur.SHOULD);
                anyNeed = true;
            }
        }
        if (!anyNeed) {
            return List.of();
        }
        Query pages = new BooleanQuery.Builder().add(needs.build(), BooleanClause.Occur.FILTER)
                .add(ranking.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.PAGE)), BooleanClause.Occur.FILTER).build();
        List<SearchAnswer.Information> found = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(pages, settings.integer("information.max-cards", 2), BEST_FIRST).scoreDocs) {
            Map<String, Object> card = json.readValue(searcher.storedFields().document(hit.doc).get(IndexSchema.SUMMARY),
                    Argument.mapOf(String.class, Object.class));
            String slug = (String) card.get("slug");
            found.add(new SearchAnswer.Information(slug, "/informatie/" + slug, (String) card.get("name"),
                    (String) card.get("description")));
        }
        return found;
    }

    /**
     * Every urgent-help listing, in the order of urgent-help.txt, whatever the request's filters, place or page: a
     * crisis answer always carries all of them.
     */
    private List<ResultCard> urgentListings(FacetSearcher searcher, IndexConfig settings) throws IOException {
        List<ResultCard> listings = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String entry : settings.urgentHelp()) {
            Query query = new BooleanQuery.Builder().add(facetTerm(entry), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.KIND, "service")), BooleanClause.Occur.FILTER).build();
            for (ScoreDoc hit : searcher.search(query, 20, new Sort(IndexSchema.tieBreak())).scoreDocs) {
                Document stored = searcher.storedFields().document(hit.doc);
                if (seen.add(stored.get(IndexSchema.ID))) {
                    listings.add(card(stored));
                }
            }
        }
        return listings;
    }

    /**
     * A kind that most documents have (services) is selected by excluding the other kinds: a filter that matches
     * nearly everything would lead the conjunction and make the text query visit every service, whereas an
     * exclusion is only checked on the text query's candidates, which can then skip what cannot rank.
     */
    private static void addKindFilter(List<BooleanClause> clauses, String kind, IndexReader reader) throws IOException {
        if (reader.docFreq(new Term(IndexSchema.KIND, kind)) * 2L <= reader.numDocs()) {
            clauses.add(new BooleanClause(new TermQuery(new Term(IndexSchema.KIND, kind)), BooleanClause.Occur.FILTER));
            return;
        }
        for (String other : IndexSchema.KINDS) {
            if (!other.equals(kind)) {
                clauses.add(new BooleanClause(new TermQuery(new Term(IndexSchema.KIND, other)),
                        BooleanClause.Occur.MUST_NOT));
            }
        }
    }

    private static void addKeywordFilter(List<BooleanClause> clauses, String field, String value) {
        if (value != null) {
            clauses.add(new BooleanClause(new TermQuery(new Term(field, IndexSchema.keyword(value))),
                    BooleanClause.Occur.FILTER));
        }
    }

    private static Sort sort(SearchRequest request) {
        return switch (request.sort()) {
            case DISTANCE -> request.point() == null ? BEST_FIRST : new Sort(LatLonDocValuesField.newDistanceSort(
                    IndexSchema.POINT, request.point().latitude(), request.point().longitude()), IndexSchema.tieBreak());
            case NAME -> new Sort(new SortField(IndexSchema.SORT_NAME, SortField.Type.STRING), IndexSchema.tieBreak());
            case RELEVANCE -> BEST_FIRST;
        };
    }

    private List<String> facetDimensions(IndexConfig settings) {
        List<String> dimensions = new ArrayList<>(settings.facetTaxonomies().keySet());
        dimensions.addAll(List.of(IndexSchema.LANGUAGE, IndexSchema.REIMBURSEMENT, IndexSchema.ACCESS,
                IndexSchema.PROVINCE, IndexSchema.KIND, IndexSchema.RECOGNITION, IndexSchema.COURSE_LEVEL,
                IndexSchema.COURSE_FORMAT, IndexSchema.COURSE_KIND, IndexSchema.COURSE_STATUS, IndexSchema.ACCREDITED, IndexSchema.UPCOMING));
        return dimensions;
    }

    private String[] snippets(FacetSearcher searcher, Query text, ScoreDoc[] page, IndexConfig settings)
            throws IOException {
        if (text == null || page.length == 0) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, settings.indexAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(10_000)
                .build();
        TopDocs pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlight(IndexSchema.DESCRIPTION, text, pageDocs, 1);
    }

    /** The card the index stores for a listing. */
    private ResultCard card(Document stored) throws IOException {
        return json.readValue(stored.get(IndexSchema.SUMMARY), Argument.of(ResultCard.class));
    }

    private static Double nearestKm(ResultCard card, SearchRequest.GeoPoint point) {
        Double best = null;
        for (ResultCard.Place place : card.places() == null ? List.<ResultCard.Place>of() : card.places()) {
            if (place.latitude() != null && place.longitude() != null) {
                double km = haversineKm(point.latitude(), point.longitude(), place.latitude(), place.longitude());
                best = best == null ? km : Math.min(best, km);
            }
        }
        return best;
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Whether the text says acute danger: any concept of the crisis dimension of concepts.txt. */
    private static boolean isCrisis(ConceptRecognizer recognizer, String text) {
        return !text.isBlank() && recognizer.recognise(text).stream().anyMatch(c -> c.dimension().equals(CRISIS));
    }

    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexSchema.SPELL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
