package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.interop.HsdsImporter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search quality measured as the shared evaluator measures it (nDCG@10, gain 2^grade − 1) on the imported evaluation
 * corpus: the public set, the project's development set and its holdout set (see {@code eval/PROVENANCE.md}).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.seed.enabled", value = "false") // the corpus alone, as the evaluator scores it
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    HsdsImporter importer;
    @Inject
    SearchIndex index;
    @Inject
    IndexMaintainer maintainer;

    private ApiClient api;

    @BeforeAll
    void loadCorpus() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.load(importer, maintainer, index);
    }

    @ParameterizedTest(name = "{0}: nDCG@10 at least {1}")
    @CsvSource({"public-queries.json, 0.93", "dev-queries.json, 0.85", "holdout-queries.json, 0.85",
            "holdout2-queries.json, 0.85"})
    void scoresTheJudgedQueries(String set, double floor) throws Exception {
        JsonNode queries;
        try (InputStream in = getClass().getResourceAsStream("/eval/" + set)) {
            queries = JSON.readTree(in);
        }
        double sum = 0;
        int empty = 0;
        List<String> worst = new ArrayList<>();
        for (JsonNode query : queries) {
            List<String> ranked = ranked(query);
            Map<String, Integer> relevant = new HashMap<>();
            query.get("relevant").fields().forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
            double score = ndcg(ranked, relevant);
            sum += score;
            empty += ranked.isEmpty() ? 1 : 0;
            if (score < 0.5) {
                worst.add(query.get("id").asText() + " " + query.get("q").asText() + " " + String.format("%.2f", score));
            }
        }
        double mean = sum / queries.size();
        System.out.printf("relevance %s: %d queries, nDCG@10 %.3f, zero-result %d%n", set, queries.size(), mean, empty);
        assertEquals(0, empty, "queries that found nothing");
        assertTrue(mean >= floor, set + " nDCG@10 " + mean + " below " + floor + "; worst: " + worst);
    }

    private List<String> ranked(JsonNode query) {
        StringBuilder path = new StringBuilder("/api/v1/search?kind=service&limit=10&q=")
                .append(URLEncoder.encode(query.get("q").asText(), StandardCharsets.UTF_8));
        if (query.has("postcode")) {
            path.append("&postcode=").append(query.get("postcode").asText())
                    .append("&radius_km=").append(query.get("radius_km").asText());
        }
        ApiClient.Response response = api.get(path.toString());
        assertEquals(200, response.status(), response.body());
        List<String> ids = new ArrayList<>();
        response.json().get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    /** The evaluator's formula (shared/eval/evaluate.py). */
    static double ndcg(List<String> ranked, Map<String, Integer> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += (Math.pow(2, relevant.getOrDefault(ranked.get(i), 0)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = new ArrayList<>(relevant.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }
}
