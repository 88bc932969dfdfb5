import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The engine's floor for one search: what Lucene alone takes, on one thread, for the first pass the server runs for
 * "somber na de bevalling" (the query as SearchService builds it, copied from its log on 2026-12-03), step by step:
 * only finding the matches, scoring them for a window of 200, counting the facets, and all of it together.
 * {@code java -cp target/nestkaart.jar src/bench/EngineFloor.java <data dir>/index}. With Lucene 10 jars (and their
 * backward codecs) on Java 21+ the same file measures the newer engine on the same index (see REPORT.md).
 */
public class EngineFloor {
    public static void main(String[] args) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null); // every request different: nothing cached
            SortedSetDocValuesReaderState facets = new DefaultSortedSetDocValuesReaderState(reader, new FacetsConfig());
            Query firstPass = firstPass();
            Sort bestFirst = new Sort(SortField.FIELD_SCORE, new SortField("uid_order", SortField.Type.LONG));
            Map<String, Callable<Object>> steps = new LinkedHashMap<>();
            steps.put("matches only", () -> searcher.count(firstPass));
            steps.put("matches scored, window 200", () -> searcher.search(firstPass,
                    new TopFieldCollectorManager(bestFirst, 200, null, Integer.MAX_VALUE, false)).scoreDocs.length);
            steps.put("matches + facet counts", () -> new SortedSetDocValuesFacetCounts(facets,
                    searcher.search(new ConstantScoreQuery(firstPass), new FacetsCollectorManager()))
                    .getAllDims(50).size());
            steps.put("scored + facets (first pass)", () -> {
                Object[] both = searcher.search(firstPass, new MultiCollectorManager(
                        new TopFieldCollectorManager(bestFirst, 200, null, Integer.MAX_VALUE, false),
                        new FacetsCollectorManager()));
                return new SortedSetDocValuesFacetCounts(facets, (FacetsCollector) both[1]).getAllDims(50).size();
            });
            System.out.println("| step (" + reader.numDocs() + " documents, " + searcher.count(firstPass)
                    + " matches, 1 thread) | p50 ms | p90 ms |");
            System.out.println("| --- | --- | --- |");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT
                for (Map.Entry<String, Callable<Object>> step : steps.entrySet()) {
                    long[] nanos = new long[300];
                    for (int i = 0; i < nanos.length; i++) {
                        long start = System.nanoTime();
                        step.getValue().call();
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    if (round == 1) {
                        System.out.printf("| %s | %.2f | %.2f |%n", step.getKey(), nanos[150] / 1e6, nanos[270] / 1e6);
                    }
                }
            }
        }
    }

    private static Query firstPass() {
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        for (List<String> path : List.of(List.of("postpartumdepressie"), List.of("postnatal", "depressie"),
                List.of("postnataledepressie"), List.of("post", "partum", "depressie"), List.of("depressie", "bevall"),
                List.of("somber", "bevall"), List.of("neerslacht", "bevall"), List.of("down", "bevall"),
                List.of("ppd"), List.of("baby", "blues"), List.of("babyblues"), List.of("niet", "blij", "baby"))) {
            BooleanQuery.Builder every = new BooleanQuery.Builder();
            path.forEach(word -> every.add(new TermQuery(new Term("all", word)), BooleanClause.Occur.MUST));
            anyWord.add(path.size() == 1 ? new TermQuery(new Term("all", path.get(0))) : every.build(),
                    BooleanClause.Occur.SHOULD);
        }
        Query concept = new ConstantScoreQuery(new TermQuery(DrillDownQuery.term("$facets", "problem", "ppd")));
        Query text = new BooleanQuery.Builder()
                .add(new BoostQuery(new BoostQuery(anyWord.build(), 0.1f), 0.2f), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(concept, 10f), BooleanClause.Occur.SHOULD).build();
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        for (String other : List.of("page", "organization", "professional", "course")) {
            query.add(new TermQuery(new Term("kind", other)), BooleanClause.Occur.MUST_NOT);
        }
        return query.build();
    }
}
