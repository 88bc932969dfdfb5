package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the map has holes: per province or eerstelijnszone, how many published services offer each care line and care
 * module there, and which are offered nowhere in it. "There" is what a family's search in that region finds (a
 * location in it, or an area it serves: the same index fields as the region filter). Services for all of Flanders or
 * by phone and online reach every region but are no offer nearby: they are not in a region's counts, and
 * {@code everywhere} counts them once.
 */
@Singleton
public class CoverageReport {
    private static final int MAX_VALUES = 200;

    private final SearchIndex index;
    private final FacetLabels labels;
    private final IndexConfigHolder config;
    private final PostalCodeDirectory places;

    CoverageReport(SearchIndex index, FacetLabels labels, IndexConfigHolder config, PostalCodeDirectory places) {
        this.index = index;
        this.labels = labels;
        this.config = config;
        this.places = places;
    }

    /** A care line or module: its facet dimension, term code and Dutch label. */
    @Serdeable
    public record Column(String dimension, String code, String label) {
        String key() {
            return dimension + ":" + code;
        }
    }

    /** One region: the services per column ("careline:2" → 4) and the labels of the columns without any. */
    @Serdeable
    public record Region(String name, @Nullable String province, Map<String, Long> services,
                         @JsonInclude(JsonInclude.Include.ALWAYS) List<String> gaps) {
    }

    @Serdeable
    public record Coverage(String by, List<Column> columns, List<Region> regions, Map<String, Long> everywhere) {
    }

    /** The region kinds a report is made by. */
    public static final List<String> BY = List.of(IndexSchema.PROVINCE, IndexSchema.EERSTELIJNSZONE);

    /** Whether the index is open (it is counted from the index). */
    public boolean ready() {
        return index.isReady();
    }

    /** @param by {@link IndexSchema#PROVINCE} or {@link IndexSchema#EERSTELIJNSZONE} */
    public Coverage of(String by) {
        List<Column> columns = new ArrayList<>();
        for (String dimension : config.current().list("coverage.dimensions")) {
            labels.terms(dimension).forEach((code, label) -> columns.add(new Column(dimension, code, label)));
        }
        try {
            FacetSearcher searcher = index.acquire();
            try {
                List<Region> regions = new ArrayList<>();
                regions(by).forEach((name, province) -> {
                    Map<String, Long> services = count(searcher, columns, new TermQuery(new Term(by,
                            IndexSchema.keyword(name))));
                    List<String> gaps = columns.stream().filter(c -> services.get(c.key()) == 0).map(Column::label)
                            .toList();
                    regions.add(new Region(name, by.equals(IndexSchema.PROVINCE) ? null : province, services, gaps));
                });
                BooleanQuery.Builder everywhere = new BooleanQuery.Builder();
                config.current().list("near.areas").forEach(area -> everywhere.add(
                        index.facetTerm(IndexSchema.AREA, area), BooleanClause.Occur.SHOULD));
                return new Coverage(by, columns, regions, count(searcher, columns, everywhere.build()));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Region → its province, from the postal code table, by province and then name. */
    private Map<String, String> regions(String by) {
        Map<String, String> regions = new TreeMap<>();
        for (PostalPlace place : places.all()) {
            String name = by.equals(IndexSchema.PROVINCE) ? place.province() : place.eerstelijnszone();
            if (name != null && !name.isBlank()) {
                regions.putIfAbsent(name, place.province());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        regions.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey)).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Published services matching {@code where}, counted per column (0 where none). */
    private Map<String, Long> count(FacetSearcher searcher, List<Column> columns, Query where) {
        Query services = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.KIND, "service")), BooleanClause.Occur.FILTER)
                .add(where, BooleanClause.Occur.FILTER).build();
        Map<String, Long> counts = new LinkedHashMap<>();
        columns.forEach(c -> counts.put(c.key(), 0L));
        try {
            FacetsCollector collector = new FacetsCollector();
            searcher.search(services, collector);
            SortedSetDocValuesFacetCounts facets = new SortedSetDocValuesFacetCounts(searcher.facetState(), collector);
            for (String dimension : columns.stream().map(Column::dimension).distinct().toList()) {
                FacetResult result = facets.getTopChildren(MAX_VALUES, dimension);
                if (result != null) {
                    for (LabelAndValue value : result.labelValues) {
                        counts.computeIfPresent(dimension + ":" + value.label, (k, n) -> value.value.longValue());
                    }
                }
            }
        } catch (IllegalArgumentException noSuchDimension) {
            // no listing carries the dimension yet: every count stays 0
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
