package be.venpmg.nestkaart.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words' query is analysed once and moved to each field: for every query of the evaluation sets, with the
 * shipped analysis (synonyms, multi-word paths, stop words), the moved query is the one the field would have got.
 */
class QueryOnFieldTest {
    private final IndexConfig config = IndexConfig.load(Path.of("index-config"));

    @Test
    void aQueryMovedToAFieldIsTheQueryBuiltForThatField() throws IOException {
        QueryBuilder builder = SearchService.queryBuilder(config);
        int compared = 0;
        for (String text : evaluationTexts()) {
            Query all = builder.createBooleanQuery(IndexSchema.ALL, text, BooleanClause.Occur.SHOULD);
            for (String field : IndexSchema.TEXT_FIELDS) {
                Query direct = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
                if (all == null) {
                    assertNull(direct, text);
                    continue;
                }
                Query moved = QueryOnField.rebuild(all, field);
                assertEquals(direct, moved, text + " on " + field);
                if (!field.equals(IndexSchema.ALL)) {
                    assertNotEquals(all, moved, "the field changed: " + text);
                }
                compared++;
            }
        }
        assertTrue(compared > 1_000, "queries compared: " + compared);
    }

    private static List<String> evaluationTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String set : List.of("public-queries.json", "dev-queries.json", "holdout-queries.json",
                "holdout2-queries.json")) {
            for (JsonNode query : new ObjectMapper().readTree(Path.of("src/test/resources/eval", set).toFile())) {
                texts.add(query.path("q").asText());
            }
        }
        return texts;
    }
}
