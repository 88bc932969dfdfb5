import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer engine of the benchmark (issue 23): Apache Solr 9, embedded in this process, with a stock Dutch field type
 * (standard tokenizer, lower case, Snowball Dutch stop words and stemmer) and Nestkaart's synonym file at query time,
 * loaded with the same HSDS dataset and asked the same requests as Nestkaart's API (the query space and Zipf log of
 * {@link Bench}): edismax over name, organisation, description and all text, one {@code fq} per filter with
 * multi-select facet counts ({@code {!tag}}/{@code {!ex}}) on the same dimensions, {@code geofilt} around the
 * postcode's centre, the unified highlighter on the description, 10 results. Solr is asked in-process, so its figures
 * carry no HTTP cost while Nestkaart's do: the comparison favours Solr.
 *
 * usage (see run.sh): java -cp BENCH_CLASSES:SOLR_CLASSPATH SolrBench MODE ARGS...
 *   load DATASET.json SOLR_HOME                          builds the core from an HSDS dataset
 *   http SOLR_HOME JDBC SECONDS CONCURRENCY search-distinct|search-zipf|search-zipf-steady [FROM]
 *   ndcg SOLR_HOME JDBC QUERIES.json
 */
public final class SolrBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE = "services";
    /** The facet dimensions Nestkaart counts for services, under the same request parameter names. */
    private static final List<String> FACETS = List.of("careline", "module", "intervention", "phase", "problem",
            "target_group", "programme", "format", "organization_type", "urgency", "language", "reimbursement",
            "province");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Path.of(args[1]), Path.of(args[2]));
            case "http" -> http(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args[5], args.length > 6 ? Integer.parseInt(args[6]) : 0);
            case "ndcg" -> ndcg(Path.of(args[1]), args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0); // Solr's executor threads are not daemons
    }

    // ------------------------------------------------------------------------------------------------- the core

    private static EmbeddedSolrServer open(Path home) {
        return new EmbeddedSolrServer(home, CORE);
    }

    private static void writeCore(Path home) throws Exception {
        Path conf = home.resolve(CORE).resolve("conf");
        Files.createDirectories(conf);
        Files.writeString(home.resolve("solr.xml"), "<solr/>\n");
        Files.writeString(home.resolve(CORE).resolve("core.properties"), "name=" + CORE + "\n");
        Files.copy(Path.of("index-config/synonyms.txt"), conf.resolve("synonyms.txt"));
        // Stock configuration: Solr's default caches and merge policy, no update log.
        Files.writeString(conf.resolve("solrconfig.xml"), """
                <config>
                  <luceneMatchVersion>9.12</luceneMatchVersion>
                  <schemaFactory class="ClassicIndexSchemaFactory"/>
                  <updateHandler class="solr.DirectUpdateHandler2"/>
                  <query>
                    <filterCache size="512" initialSize="512" autowarmCount="0"/>
                    <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
                    <documentCache size="512" initialSize="512" autowarmCount="0"/>
                  </query>
                  <requestHandler name="/select" class="solr.SearchHandler"/>
                  <requestHandler name="/update" class="solr.UpdateRequestHandler"/>
                </config>
                """);
        StringBuilder facets = new StringBuilder();
        FACETS.forEach(f -> facets.append("  <field name=\"").append(f)
                .append("\" type=\"string\" indexed=\"true\" stored=\"false\" docValues=\"true\" multiValued=\"true\"/>\n"));
        Files.writeString(conf.resolve("schema.xml"), """
                <schema name="nestkaart-bench" version="1.6">
                  <uniqueKey>id</uniqueKey>
                  <fieldType name="string" class="solr.StrField" sortMissingLast="true"/>
                  <fieldType name="pint" class="solr.IntPointField" docValues="true"/>
                  <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
                  <fieldType name="location" class="solr.LatLonPointSpatialField" docValues="true"/>
                  <fieldType name="text_nl" class="solr.TextField" positionIncrementGap="100">
                    <analyzer type="index">
                      <tokenizer name="standard"/>
                      <filter name="lowercase"/>
                      <filter name="asciiFolding"/>
                      <filter name="stop" ignoreCase="true" format="snowball"
                              words="org/apache/lucene/analysis/snowball/dutch_stop.txt"/>
                      <filter name="snowballPorter" language="Dutch"/>
                    </analyzer>
                    <analyzer type="query">
                      <tokenizer name="standard"/>
                      <filter name="lowercase"/>
                      <filter name="asciiFolding"/>
                      <filter name="synonymGraph" synonyms="synonyms.txt" ignoreCase="true" expand="true"/>
                      <filter name="stop" ignoreCase="true" format="snowball"
                              words="org/apache/lucene/analysis/snowball/dutch_stop.txt"/>
                      <filter name="snowballPorter" language="Dutch"/>
                    </analyzer>
                  </fieldType>
                  <field name="_version_" type="plong" indexed="false" stored="false"/>
                  <field name="id" type="string" indexed="true" stored="true" required="true"/>
                  <field name="name" type="text_nl" indexed="true" stored="true"/>
                  <field name="organization" type="text_nl" indexed="true" stored="true"/>
                  <field name="description" type="text_nl" indexed="true" stored="true" storeOffsetsWithPositions="true"/>
                  <field name="all" type="text_nl" indexed="true" stored="false" multiValued="true"/>
                  <field name="waiting_weeks" type="pint" indexed="true" stored="false"/>
                  <field name="point" type="location" indexed="true" stored="false" multiValued="true"/>
                """ + facets + """
                  <copyField source="name" dest="all"/>
                  <copyField source="organization" dest="all"/>
                  <copyField source="description" dest="all"/>
                </schema>
                """);
    }

    /** Indexes every service of an HSDS dataset with its organisation, terms, languages, costs and places. */
    static void load(Path dataset, Path home) throws Exception {
        long started = System.nanoTime();
        JsonNode data = JSON.readTree(dataset.toFile());
        Map<String, String> organizations = byId(data.get("organizations"), "name");
        Map<String, JsonNode> terms = new HashMap<>();
        data.get("taxonomy_terms").forEach(t -> terms.put(t.get("id").asText(), t));
        Map<String, JsonNode> locations = new HashMap<>();
        data.get("locations").forEach(l -> locations.put(l.get("id").asText(), l));
        Map<String, String> provinces = new HashMap<>();
        data.get("addresses").forEach(a -> provinces.put(a.get("location_id").asText(),
                a.path("state_province").asText()));
        Map<String, SolrInputDocument> docs = new LinkedHashMap<>();
        for (JsonNode s : data.get("services")) {
            SolrInputDocument doc = new SolrInputDocument();
            doc.addField("id", s.get("id").asText());
            doc.addField("name", s.get("name").asText());
            doc.addField("description", s.path("description").asText(""));
            doc.addField("organization", organizations.getOrDefault(s.path("organization_id").asText(), ""));
            if (s.hasNonNull("nestkaart_waiting_weeks")) {
                doc.addField("waiting_weeks", s.get("nestkaart_waiting_weeks").asInt());
            }
            docs.put(s.get("id").asText(), doc);
        }
        for (JsonNode a : data.get("attributes")) {
            SolrInputDocument doc = docs.get(a.path("link_id").asText());
            JsonNode term = terms.get(a.path("taxonomy_term_id").asText());
            if (doc != null && term != null) {
                String dimension = term.get("taxonomy").asText().replaceFirst("^nestkaart-", "").replace('-', '_');
                if (FACETS.contains(dimension)) {
                    doc.addField(dimension, term.get("code").asText());
                }
            }
        }
        for (JsonNode l : data.path("languages")) {
            add(docs, l.path("service_id").asText(), "language", l.get("code").asText());
        }
        for (JsonNode c : data.path("cost_options")) {
            add(docs, c.path("service_id").asText(), "reimbursement", c.path("nestkaart_reimbursement").asText());
        }
        for (JsonNode at : data.get("service_at_locations")) {
            JsonNode location = locations.get(at.get("location_id").asText());
            if (location != null && location.hasNonNull("latitude")) {
                add(docs, at.get("service_id").asText(), "point",
                        location.get("latitude").asDouble() + "," + location.get("longitude").asDouble());
                add(docs, at.get("service_id").asText(), "province", provinces.get(location.get("id").asText()));
            }
        }
        writeCore(home);
        try (EmbeddedSolrServer solr = open(home)) {
            List<SolrInputDocument> batch = new ArrayList<>();
            for (SolrInputDocument doc : docs.values()) {
                batch.add(doc);
                if (batch.size() == 1000) {
                    solr.add(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                solr.add(batch);
            }
            solr.commit();
        }
        System.out.printf(Locale.ROOT, "| Solr: load %d services (parse, index, commit) | %d ms |%n", docs.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void add(Map<String, SolrInputDocument> docs, String id, String field, String value) {
        SolrInputDocument doc = docs.get(id);
        if (doc != null && value != null && !value.isEmpty()) {
            doc.addField(field, value);
        }
    }

    private static Map<String, String> byId(JsonNode rows, String field) {
        Map<String, String> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get("id").asText(), r.path(field).asText()));
        return map;
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** Nestkaart's API request as the equivalent Solr request. */
    static SolrQuery query(String path, Connection db, Map<String, double[]> centres) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String text = first(params, "q");
        SolrQuery query = new SolrQuery(text == null || text.isBlank() ? "*:*" : text);
        query.set("defType", "edismax");
        query.set("qf", "name^1 organization^1 description^1 all^3"); // index-config/search.properties boosts
        query.set("sow", false); // multi-word synonyms
        query.setFields("id", "name", "organization", "description");
        int limit = Integer.parseInt(first(params, "limit") == null ? "10" : first(params, "limit"));
        int page = Integer.parseInt(first(params, "page") == null ? "1" : first(params, "page"));
        query.setRows(limit);
        query.setStart((page - 1) * limit);
        query.setFacet(true);
        query.setFacetLimit(50);
        query.setFacetMinCount(1);
        for (String dimension : FACETS) {
            List<String> values = params.get(dimension);
            if (values != null) {
                query.addFilterQuery("{!tag=" + dimension + "}" + dimension + ":("
                        + String.join(" OR ", values.stream().map(v -> "\"" + v + "\"").toList()) + ")");
            }
            query.addFacetField("{!ex=" + dimension + "}" + dimension);
        }
        if (first(params, "max_waiting_weeks") != null) {
            query.addFilterQuery("waiting_weeks:[0 TO " + first(params, "max_waiting_weeks") + "]");
        }
        String postcode = first(params, "postcode");
        if (postcode != null) {
            double[] centre = centres.computeIfAbsent(postcode, p -> {
                try {
                    return Bench.centre(db, p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            query.addFilterQuery("{!geofilt sfield=point pt=" + centre[0] + "," + centre[1] + " d="
                    + first(params, "radius_km") + "}");
        }
        query.setHighlight(true);
        query.set("hl.method", "unified");
        query.set("hl.fl", "description");
        query.set("hl.snippets", 1);
        return query;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? null : values.get(0);
    }

    /** One load run: the same requests as {@code Bench http}, answered in-process. */
    static void http(Path home, String jdbc, int seconds, int concurrency, String kind, int from) throws Exception {
        List<String> space = Bench.querySpace();
        Bench.ZipfLog zipf = kind.startsWith("search-zipf") ? new Bench.ZipfLog(space, 3000) : null;
        AtomicLong distinct = new AtomicLong(from);
        Map<String, double[]> centres = new ConcurrentHashMap<>();
        ThreadLocal<Connection> db = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (EmbeddedSolrServer solr = open(home)) {
            Ask ask = path -> {
                SolrQuery query = query(path, db.get(), centres);
                long started = System.nanoTime();
                QueryResponse response = solr.query(query);
                if (response.getResults() == null) {
                    throw new IllegalStateException("no results");
                }
                return (System.nanoTime() - started) / 1e6;
            };
            if (kind.equals("search-zipf-steady")) {
                Bench.askEach(zipf.queries(), concurrency, i -> ask.ask(zipf.queries().get(i)));
            }
            Bench.Result result = Bench.run(seconds, concurrency, n -> ask.ask(kind.startsWith("search-zipf")
                    ? zipf.query(n) : space.get((int) (distinct.getAndIncrement() % space.size()))));
            result.print("Solr " + kind + ", c=" + concurrency);
        }
    }

    /** One request as a path of Nestkaart's API, answered by Solr; returns its milliseconds. */
    private interface Ask {
        double ask(String path) throws Exception;
    }

    /** nDCG@10 on the judged queries, asked as Bench's ndcg asks the API (10 results, the place's radius). */
    static void ndcg(Path home, String jdbc, Path queries) throws Exception {
        JsonNode judged = JSON.readTree(queries.toFile());
        double sum = 0;
        try (EmbeddedSolrServer solr = open(home); Connection db = DriverManager.getConnection(jdbc)) {
            Map<String, double[]> centres = new HashMap<>();
            for (JsonNode q : judged) {
                String path = "/api/v1/search?kind=service&limit=10&q="
                        + java.net.URLEncoder.encode(q.get("q").asText(), StandardCharsets.UTF_8)
                        + (q.has("postcode") ? "&postcode=" + q.get("postcode").asText() + "&radius_km="
                        + q.get("radius_km").asInt() : "");
                List<String> ranked = new ArrayList<>();
                for (SolrDocument doc : solr.query(query(path, db, centres)).getResults()) {
                    ranked.add((String) doc.getFieldValue("id"));
                }
                sum += Bench.ndcg(ranked, q.get("relevant"));
            }
        }
        System.out.printf(Locale.ROOT, "%.3f%n", sum / judged.size());
    }
}
