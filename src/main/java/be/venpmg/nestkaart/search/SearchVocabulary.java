package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.DatabaseOutageHandlers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concept vocabulary search uses: the shipped base of {@code index-config/concepts.txt} plus the words that live
 * in the database, tied to taxonomy terms: the dataset's lay synonyms ({@code taxonomy_term_synonym}) and the
 * published search terms editors add through the review ({@code search_term}). The outbox tells when the database
 * words changed ({@link #markStale}); the next search then reads them again, so a published word works within one
 * outbox poll, on every replica, without a restart.
 */
@Singleton
public class SearchVocabulary {
    private static final Logger LOG = LoggerFactory.getLogger(SearchVocabulary.class);
    private final VocabularyStore store;
    private volatile boolean stale = true;
    private volatile Built built;

    private record Built(IndexConfig config, ConceptRecognizer recognizer, Map<String, List<String>> phrases) {
    }

    SearchVocabulary(VocabularyStore store) {
        this.store = store;
    }

    /** The database words changed: read them again before the next search. */
    public void markStale() {
        stale = true;
    }

    /** The recognizer for this configuration with the current database words. */
    ConceptRecognizer recognizer(IndexConfig config) {
        return current(config).recognizer();
    }

    /** The database words themselves: concept id ("problem:ppd") → the lay words, abbreviations and search terms. */
    Map<String, List<String>> databasePhrases(IndexConfig config) {
        return current(config).phrases();
    }

    private Built current(IndexConfig config) {
        Built current = built;
        if (current == null || stale || current.config() != config) {
            current = rebuild(config);
        }
        return current;
    }

    private synchronized Built rebuild(IndexConfig config) {
        Built current = built;
        if (current != null && !stale && current.config() == config) {
            return current;
        }
        stale = false;
        Map<String, List<String>> phrases;
        try {
            phrases = databaseWords(config);
        } catch (RuntimeException e) {
            if (!DatabaseOutageHandlers.isOutage(e)) {
                throw e;
            }
            // Search must answer while the database is away: keep the words read last, or the shipped base alone.
            LOG.warn("Search words could not be read from the database: {}", e.getMessage());
            stale = true;
            if (current != null && current.config() == config) {
                return current;
            }
            phrases = Map.of();
        }
        Built fresh = new Built(config, new ConceptRecognizer(config.conceptVocabulary().with(phrases)), phrases);
        built = fresh;
        return fresh;
    }

    /** Concept id ("problem:ppd") → the phrases the database ties to it. */
    private Map<String, List<String>> databaseWords(IndexConfig config) {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (VocabularyStore.TermWord word : store.termWords()) {
            String dimension = config.facetOfTaxonomy().get(word.taxonomy());
            if (dimension != null) {
                phrases.computeIfAbsent(dimension + ":" + word.code(), k -> new ArrayList<>()).add(word.phrase());
            }
        }
        return phrases;
    }
}
