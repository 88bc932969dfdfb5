package be.venpmg.nestkaart.search;

import jakarta.inject.Singleton;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Autocomplete over what the index holds: the names of public organisations and services, the labels of the terms
 * listings carry, and the words people use for those terms (infix: "depr" finds "Postpartumdepressie"). A term no
 * public listing carries is not offered: it would lead to an empty page. Rebuilt when the index changed, at most
 * once a minute; it reads no table.
 */
@Singleton
public class Suggester {
    private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
    private static final long REBUILD_NANOS = 60_000_000_000L;
    private static final Map<String, Long> NAME_WEIGHTS = Map.of("organization", 10L, "service", 5L);
    private static final long TERM_WEIGHT = 30;
    private static final long WORD_WEIGHT = 20;

    private final SearchIndex index;
    private final FacetLabels labels;
    private final SearchVocabulary vocabulary;
    private final IndexConfigHolder config;
    private volatile AnalyzingInfixSuggester lookup;
    private volatile boolean stale = true;
    private volatile long builtAt;

    Suggester(SearchIndex index, FacetLabels labels, SearchVocabulary vocabulary, IndexConfigHolder config) {
        this.index = index;
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.config = config;
    }

    /** Listings changed: the next request after the quiet period rebuilds. */
    public void markStale() {
        stale = true;
    }

    /** A completion: the text, and whether it names a term, an organisation or a service. */
    @io.micronaut.serde.annotation.Serdeable
    public record Suggestion(String text, String type) {
    }

    public List<Suggestion> suggest(String prefix) {
        List<Suggestion> results = new ArrayList<>();
        String text = prefix.strip();
        if (text.length() < 2 || text.length() > 100 || !index.isReady()) {
            return results;
        }
        try {
            AnalyzingInfixSuggester current = current();
            if (current == null) {
                return results;
            }
            for (Lookup.LookupResult result : current.lookup(text, Set.of(), config.current().integer("suggest.max", 8),
                    true, false)) {
                results.add(new Suggestion(result.key.toString(),
                        result.payload == null ? "term" : result.payload.utf8ToString()));
            }
        } catch (IOException e) {
            LOG.warn("Autocomplete failed: {}", e.toString());
        }
        return results;
    }

    private AnalyzingInfixSuggester current() throws IOException {
        if (lookup == null || (stale && System.nanoTime() - builtAt > REBUILD_NANOS)) {
            synchronized (this) {
                if (lookup == null || (stale && System.nanoTime() - builtAt > REBUILD_NANOS)) {
                    rebuild();
                }
            }
        }
        return lookup;
    }

    public synchronized void rebuild() throws IOException {
        IndexConfig current = config.current();
        Map<String, Entry> entries = new LinkedHashMap<>();
        FacetSearcher searcher = index.acquire();
        try {
            for (String concept : carriedTerms(searcher, current)) {
                String dimension = concept.substring(0, concept.indexOf(':'));
                String label = labels.label(dimension, concept.substring(dimension.length() + 1));
                add(entries, new Entry(label, "term", TERM_WEIGHT));
                for (String word : vocabulary.databasePhrases(current).getOrDefault(concept, List.of())) {
                    add(entries, new Entry(word, "term", WORD_WEIGHT));
                }
            }
            for (Entry name : listingNames(searcher)) {
                add(entries, name);
            }
        } finally {
            index.release(searcher);
        }
        List<Entry> ordered = new ArrayList<>(entries.values());
        ordered.sort(Comparator.comparingLong(Entry::weight).reversed());
        AnalyzingInfixSuggester fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(),
                current.spellingAnalyzer(), current.spellingAnalyzer(), 2, true);
        fresh.build(new Entries(ordered));
        AnalyzingInfixSuggester old = lookup;
        lookup = fresh;
        stale = false;
        builtAt = System.nanoTime();
        if (old != null) {
            old.close();
        }
    }

    private static void add(Map<String, Entry> entries, Entry entry) {
        if (entry.text() != null && !entry.text().isBlank()) {
            entries.putIfAbsent(entry.text().toLowerCase(Locale.ROOT), entry);
        }
    }

    /** "dimension:code" of every taxonomy term at least one indexed listing carries. */
    private static List<String> carriedTerms(FacetSearcher searcher, IndexConfig config) throws IOException {
        SortedSetDocValuesReaderState state = searcher.facetState();
        List<String> concepts = new ArrayList<>();
        if (state == null) {
            return concepts;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state); // live documents only
        Set<String> faceted = state.getPrefixToOrdRange().keySet();
        for (String dimension : config.facetTaxonomies().keySet()) {
            if (!faceted.contains(dimension)) {
                continue;
            }
            FacetResult carried = counts.getAllChildren(dimension);
            if (carried == null) {
                continue;
            }
            for (LabelAndValue value : carried.labelValues) {
                if (value.value.intValue() > 0) {
                    concepts.add(dimension + ":" + value.label);
                }
            }
        }
        return concepts;
    }

    /** The names of the organisations and services in the index (which holds public listings only). */
    private static List<Entry> listingNames(FacetSearcher searcher) throws IOException {
        List<Entry> names = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            StoredFields stored = leaf.reader().storedFields();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document fields = stored.document(doc, Set.of(IndexSchema.KIND, IndexSchema.NAME));
                Long weight = NAME_WEIGHTS.get(fields.get(IndexSchema.KIND));
                if (weight != null) {
                    names.add(new Entry(fields.get(IndexSchema.NAME), fields.get(IndexSchema.KIND), weight));
                }
            }
        }
        return names;
    }

    private record Entry(String text, String type, long weight) {
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Entry> iterator;
        private Entry current;

        Entries(List<Entry> entries) {
            this.iterator = entries.iterator();
        }

        @Override
        public BytesRef next() {
            if (!iterator.hasNext()) {
                return null;
            }
            current = iterator.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current.type().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
