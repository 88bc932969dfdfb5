package be.venpmg.nestkaart.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A words query built for one field, rebuilt for another. One query analyser serves every text field, so a request's
 * words need their synonym graph walked once, not once per field (it was a sixth of what a search allocated);
 * {@code QueryOnFieldTest} holds the rebuilt query equal to the one built for the field directly.
 */
final class QueryOnField {
    private QueryOnField() {
    }

    /** The same query on {@code field}: terms, synonyms, boosts and clauses as they were. */
    static Query rebuild(Query query, String field) {
        if (query instanceof TermQuery term) {
            return new TermQuery(new Term(field, term.getTerm().bytes()));
        }
        if (query instanceof SynonymQuery synonyms) {
            SynonymQuery.Builder moved = new SynonymQuery.Builder(field);
            synonyms.getTerms().forEach(term -> moved.addTerm(new Term(field, term.bytes())));
            return moved.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(rebuild(boost.getQuery(), field), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder moved = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool) {
                moved.add(rebuild(clause.getQuery(), field), clause.getOccur());
            }
            return moved.build();
        }
        throw new IllegalArgumentException("a " + query.getClass().getSimpleName() + " cannot be moved to a field");
    }
}
