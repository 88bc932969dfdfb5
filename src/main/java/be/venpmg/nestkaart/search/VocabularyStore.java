package be.venpmg.nestkaart.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words search reads from the database: taxonomy labels, lay synonyms and editors' search terms. Its callers keep what they read last when the database is away
 * ({@link io.micronaut.data.exceptions.DataAccessException}).
 */
@Singleton
public class VocabularyStore {
    private final JdbcOperations jdbc;

    VocabularyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A word tied to a taxonomy term: a lay synonym, or a published search term. */
    public record TermWord(String phrase, String code, String taxonomy) {
    }

    /** "taxonomy:code" → the term's Dutch label. */
    @ReadOnly
    public Map<String, String> termLabels() {
        return jdbc.prepareStatement("""
                SELECT COALESCE(tx.name, t.taxonomy), t.code, t.name FROM taxonomy_term t
                LEFT JOIN taxonomy tx ON tx.id = t.taxonomy_id WHERE t.code IS NOT NULL""", statement -> {
            Map<String, String> labels = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    labels.putIfAbsent(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
                }
            }
            return labels;
        });
    }

    @ReadOnly
    public List<TermWord> termWords() {
        return jdbc.prepareStatement("""
                SELECT y.synonym, t.code, x.name FROM taxonomy_term_synonym y
                JOIN taxonomy_term t ON t.id = y.term_id JOIN taxonomy x ON x.id = t.taxonomy_id
                UNION ALL SELECT s.phrase, t.code, x.name FROM search_term s
                JOIN taxonomy_term t ON t.id = s.taxonomy_term_id JOIN taxonomy x ON x.id = t.taxonomy_id
                WHERE s.publication_status = 'published'""", statement -> {
            List<TermWord> words = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    words.add(new TermWord(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return words;
        });
    }
}
