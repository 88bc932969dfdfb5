package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.platform.Database;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String WORDS = "SELECT y.synonym, t.code, x.name FROM taxonomy_term_synonym y "
            + "JOIN taxonomy_term t ON t.id = y.term_id JOIN taxonomy x ON x.id = t.taxonomy_id "
            + "UNION ALL SELECT s.phrase, t.code, x.name FROM search_term s "
            + "JOIN taxonomy_term t ON t.id = s.taxonomy_term_id JOIN taxonomy x ON x.id = t.taxonomy_id "
            + "WHERE s.publication_status = 'published'";

    private final Database database;
    private volatile boolean stale = true;
    private volatile Built built;

    private record Built(IndexConfig config, ConceptRecognizer recognizer) {
    }

    SearchVocabulary(Database database) {
        this.database = database;
    }

    /** The database words changed: read them again before the next search. */
    public void markStale() {
        stale = true;
    }

    /** The recognizer for this configuration with the current database words. */
    ConceptRecognizer recognizer(IndexConfig config) {
        Built current = built;
        if (current == null || stale || current.config() != config) {
            current = rebuild(config);
        }
        return current.recognizer();
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
        } catch (SQLException e) {
            // Search must answer while the database is away: keep the words read last, or the shipped base alone.
            LOG.warn("Search words could not be read from the database: {}", e.getMessage());
            stale = true;
            if (current != null && current.config() == config) {
                return current;
            }
            phrases = Map.of();
        }
        Built fresh = new Built(config, new ConceptRecognizer(config.conceptVocabulary().with(phrases)));
        built = fresh;
        return fresh;
    }

    /** Concept id ("problem:ppd") → the phrases the database ties to it. */
    private Map<String, List<String>> databaseWords(IndexConfig config) throws SQLException {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(WORDS);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String dimension = config.facetOfTaxonomy().get(rs.getString(3));
                if (dimension != null) {
                    phrases.computeIfAbsent(dimension + ":" + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(1));
                }
            }
        }
        return phrases;
    }
}
