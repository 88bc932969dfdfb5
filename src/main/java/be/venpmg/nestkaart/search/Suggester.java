package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.DatabaseOutageHandlers;
import jakarta.inject.Singleton;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Autocomplete over the names of published listings, taxonomy labels and the words people use for them (infix:
 * "depr" finds "Postpartumdepressie"). Rebuilt from the database when listings changed, at most once a minute.
 */
@Singleton
public class Suggester {
    private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
    private static final long REBUILD_NANOS = 60_000_000_000L;

    private final VocabularyStore store;
    private final IndexConfigHolder config;
    private volatile AnalyzingInfixSuggester lookup;
    private volatile boolean stale = true;
    private volatile long builtAt;

    Suggester(VocabularyStore store, IndexConfigHolder config) {
        this.store = store;
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
        if (text.length() < 2 || text.length() > 100) {
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
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            for (VocabularyStore.Completion completion : store.completions()) {
                entries.putIfAbsent(completion.text().toLowerCase(java.util.Locale.ROOT),
                        new Entry(completion.text(), completion.type(), completion.weight()));
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutageHandlers.isOutage(e)) {
                throw e;
            }
            // Keep answering from the entries we have; the next try waits out the quiet period like a rebuild.
            LOG.warn("Autocomplete not rebuilt, the database did not answer: {}", e.getMessage());
            builtAt = System.nanoTime();
            return;
        }
        AnalyzingInfixSuggester fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(),
                config.current().spellingAnalyzer(), config.current().spellingAnalyzer(), 2, true);
        fresh.build(new Entries(new ArrayList<>(entries.values())));
        AnalyzingInfixSuggester old = lookup;
        lookup = fresh;
        stale = false;
        builtAt = System.nanoTime();
        if (old != null) {
            old.close();
        }
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
