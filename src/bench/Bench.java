import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of the benchmark (run by src/bench/run.sh, on the classpath of target/nestkaart.jar for Jackson and
 * the MariaDB driver). Closed-loop HTTP load with a fixed query mix, server-side latency read from the Server-Timing
 * header; the same queries answered by MariaDB FULLTEXT over JDBC; nDCG@10 of both on the judged eval queries; and
 * the delay from an approved change to its being searchable, under load. Prints Markdown table rows.
 *
 * usage: java -cp target/nestkaart.jar src/bench/Bench.java MODE ARGS...
 *   http BASE SECONDS CONCURRENCY KIND [FROM]               one load run (KIND: search-distinct, search-zipf,
 *                                                          search-zipf-steady, search, suggest, trivial; FROM: where
 *                                                          in the query space distinct requests start)
 *   fulltext JDBC SECONDS CONCURRENCY                      the same search mix as SQL
 *   ndcg BASE JDBC QUERIES.json                            nDCG@10 of the API and of FULLTEXT
 *   freshness BASE EMAIL1 EMAIL2 PASSWORD ROUNDS            change → searchable, with search load running
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Lay words as people type them (the eval set's needs in other words, so not tuned to it). */
    private static final List<String> LAY = List.of("somber na de bevalling", "depressie zwangerschap", "huilbaby",
            "baby huilt veel", "bang voor de bevalling", "angst zwanger", "opname met baby", "moeder baby eenheid",
            "thuisbegeleiding depressie", "miskraam verdriet", "verslaving zwanger", "uitgeput ouder",
            "hechting baby", "praatgroep mama", "psycholoog zwangerschap", "papa depressief", "traumatische bevalling",
            "kraambedpsychose", "slapen baby", "online hulp");
    private static final List<String> FILTERS = List.of("&problem=ppd", "&careline=1", "&module=m2",
            "&language=fr", "&reimbursement=terugbetaald", "&max_waiting_weeks=4", "&problem=ppd&module=m1",
            "&format=group&careline=2");
    private static final List<String> PLACES = List.of("9000", "2000", "3000", "8000", "3500", "2800", "8500", "1000");
    private static final List<String> PREFIXES = List.of("som", "depr", "huil", "mbe", "thuis", "bev", "angs", "prat");

    /** One query of the mix, as an API path and as SQL parameters. */
    record Query(String path, String text, String problem, String careline, String module, String postcode,
                 Integer radiusKm) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "http" -> http(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    args.length > 5 ? Integer.parseInt(args[5]) : 0);
            case "fulltext" -> fulltext(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "ndcg" -> ndcg(args[1], args[2], Path.of(args[3]));
            case "freshness" -> freshness(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
            case "soak" -> soak(args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static List<Query> searchMix() {
        List<Query> mix = new ArrayList<>();
        for (int i = 0; i < LAY.size(); i++) {
            String text = LAY.get(i);
            String q = "/api/v1/search?kind=service&limit=10&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
            mix.add(new Query(q, text, null, null, null, null, null));
            String filter = FILTERS.get(i % FILTERS.size());
            mix.add(new Query(q + filter, text, param(filter, "problem"), param(filter, "careline"),
                    param(filter, "module"), null, null));
            String postcode = PLACES.get(i % PLACES.size());
            mix.add(new Query(q + "&postcode=" + postcode + "&radius_km=20", text, null, null, null, postcode, 20));
        }
        return mix;
    }

    private static String param(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    /**
     * Every search the bench can ask: each lay query plain, with each filter, near each place at three radii, pages
     * 1 to 3 (20 × 9 × 25 × 3 = 13,500), in a fixed shuffled order.
     */
    static List<String> querySpace() {
        List<String> filters = new ArrayList<>(List.of(""));
        filters.addAll(FILTERS);
        List<String> places = new ArrayList<>(List.of(""));
        for (String place : PLACES) {
            for (int radius : new int[] {10, 20, 30}) {
                places.add("&postcode=" + place + "&radius_km=" + radius);
            }
        }
        List<String> all = new ArrayList<>();
        for (String text : LAY) {
            for (String filter : filters) {
                for (String place : places) {
                    for (int page = 1; page <= 3; page++) {
                        all.add("/api/v1/search?kind=service&limit=10&page=" + page + "&q="
                                + URLEncoder.encode(text, StandardCharsets.UTF_8) + filter + place);
                    }
                }
            }
        }
        Collections.shuffle(all, new java.util.Random(1));
        return all;
    }

    /**
     * Realistic traffic repeats itself: a log of {@code size} distinct queries, drawn with Zipf's law (exponent 1),
     * the query of rank k asked in proportion to 1/k; deterministic per request number. The log is the end of the
     * query space, which distinct runs (from its start) do not reach, so it starts cold.
     */
    static final class ZipfLog {
        private final List<String> log;
        private final double[] cumulative;

        ZipfLog(List<String> space, int size) {
            log = space.subList(space.size() - size, space.size());
            cumulative = new double[size];
            double sum = 0;
            for (int k = 0; k < size; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            for (int k = 0; k < size; k++) {
                cumulative[k] /= sum;
            }
        }

        String query(long n) {
            double u = new java.util.SplittableRandom(n * 0x9E3779B97F4A7C15L).nextDouble();
            int k = java.util.Arrays.binarySearch(cumulative, u);
            return log.get(Math.min(log.size() - 1, k < 0 ? -k - 1 : k));
        }

        List<String> queries() {
            return log;
        }
    }

    static void http(String base, int seconds, int concurrency, String kind, int from) throws Exception {
        List<String> space = kind.startsWith("search-") ? querySpace() : List.of();
        ZipfLog zipf = kind.startsWith("search-zipf") ? new ZipfLog(space, 3000) : null;
        if (kind.equals("search-zipf-steady")) {
            askEach(zipf.queries(), concurrency, i -> get(base, zipf.queries().get(i)));
        }
        // Distinct: one counter over warm-up and measurement, so no request is asked twice (no cache can help); runs
        // of one benchmark start at different places (FROM), so no run asks what an earlier one did.
        AtomicLong distinct = new AtomicLong(from);
        List<String> paths = switch (kind) {
            case "search" -> searchMix().stream().map(Query::path).toList();
            case "suggest" -> PREFIXES.stream().map(p -> "/api/v1/suggest?q=" + p).toList();
            default -> List.of("/robots.txt");
        };
        double[] before = answerCache(base);
        Result result = run(seconds, concurrency, n -> get(base, switch (kind) {
            case "search-distinct" -> space.get((int) (distinct.getAndIncrement() % space.size()));
            case "search-zipf", "search-zipf-steady" -> zipf.query(n);
            default -> paths.get(n % paths.size());
        }));
        result.print("HTTP " + kind + ", c=" + concurrency);
        double[] after = answerCache(base);
        if (kind.startsWith("search-") && before != null && after != null) {
            double hits = after[0] - before[0];
            double misses = after[1] - before[1];
            System.out.printf(Locale.ROOT, "answer cache (warm-up and run): %.0f hits, %.0f misses (%.1f %% hits)%n",
                    hits, misses, 100 * hits / Math.max(1, hits + misses));
        }
    }

    /** GETs a path that must answer 200; returns the server-side milliseconds (Server-Timing), or NaN. */
    private static double get(String base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("Server-Timing")
                .map(h -> Double.parseDouble(h.substring(h.indexOf("dur=") + 4))).orElse(Double.NaN);
    }

    /**
     * Asks each query once, {@code concurrency} at a time: the state of a server that has been
     * answering its traffic for a while (search-zipf-steady), before the warm-up and the measured run.
     */
    static void askEach(List<String> queries, int concurrency, Call call) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(startThread(() -> {
                for (int i = next.getAndIncrement(); i < queries.size() && !failed.get(); i = next.getAndIncrement()) {
                    try {
                        call.call(i);
                    } catch (Exception e) {
                        failed.set(true);
                        System.err.println("asking the log failed: " + e);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get()) {
            throw new IllegalStateException("the query log could not be asked");
        }
    }

    /** The server's answer-cache hits and misses so far (its /prometheus counters), or null when not published. */
    static double[] answerCache(String base) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double[] counts = new double[2];
        String[] names = {"nestkaart_search_answer_cache_hits_total", "nestkaart_search_answer_cache_misses_total"};
        for (int i = 0; i < names.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + names[i] + "(?:\\{[^}]*})? (\\S+)$")
                    .matcher(metrics);
            if (!m.find()) {
                return null;
            }
            counts[i] = Double.parseDouble(m.group(1));
        }
        return counts;
    }

    /**
     * Open-loop soak: the search mix at a fixed rate for some minutes (requests are sent on schedule whether or not
     * earlier ones are done, as real users do); one Markdown row per minute with server and client percentiles.
     */
    static void soak(String base, int minutes, double rate) throws Exception {
        List<String> paths = searchMix().stream().map(Query::path).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        System.out.println("| minute | sent | answered | errors | server p50 / p95 / p99 ms | client p50 / p95 / p99 ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        int n = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            ConcurrentLinkedQueue<double[]> samples = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            long end = System.nanoTime() + 60_000_000_000L;
            int sent = 0;
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            while (System.nanoTime() < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                next += intervalNanos;
                String path = paths.get(n++ % paths.size());
                sent++;
                calls.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            return;
                        }
                        double server = response.headers().firstValue("Server-Timing")
                                .map(h -> Double.parseDouble(h.substring(h.indexOf("dur=") + 4))).orElse(Double.NaN);
                        samples.add(new double[] {(System.nanoTime() - t0) / 1e6, server});
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get();
            }
            List<Double> client = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            samples.forEach(sample -> {
                client.add(sample[0]);
                server.add(sample[1]);
            });
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %s | %s |%n", minute, sent, samples.size(),
                    errors.get(), Result.percentiles(server), Result.percentiles(client));
        }
        pool.shutdown();
    }

    static void fulltext(String jdbc, int seconds, int concurrency) throws Exception {
        List<Query> mix = searchMix();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Result result = run(seconds, concurrency, n -> {
            long started = System.nanoTime();
            fulltextTop10(connections.get(), mix.get(n % mix.size()));
            return (System.nanoTime() - started) / 1e6;
        });
        result.print("MariaDB FULLTEXT, c=" + concurrency);
    }

    /** The query as SQL: FULLTEXT relevance, the same filters, the top 10 and the total (as the API answers). */
    static List<String> fulltextTop10(Connection connection, Query query) throws Exception {
        StringBuilder where = new StringBuilder(" FROM service s WHERE s.publication_status = 'published' "
                + "AND MATCH(s.name, s.description) AGAINST (? IN NATURAL LANGUAGE MODE)");
        List<Object> params = new ArrayList<>(List.of(query.text()));
        term(where, params, "nestkaart-problem", query.problem());
        term(where, params, "nestkaart-careline", query.careline());
        term(where, params, "nestkaart-module", query.module());
        if (query.postcode() != null) {
            // The postcode's centre is looked up once, as the API does, then a bounding box and the exact distance.
            double[] centre = centre(connection, query.postcode());
            double lat = query.radiusKm() / 111.32;
            double lon = query.radiusKm() / (111.32 * Math.cos(Math.toRadians(centre[0])));
            where.append(" AND EXISTS (SELECT 1 FROM service_at_location x JOIN location l ON l.id = x.location_id "
                    + "WHERE x.service_id = s.id AND l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ? "
                    + "AND ST_Distance_Sphere(POINT(l.longitude, l.latitude), POINT(?, ?)) <= ?)");
            params.addAll(List.of(centre[0] - lat, centre[0] + lat, centre[1] - lon, centre[1] + lon, centre[1],
                    centre[0], query.radiusKm() * 1000));
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement top = connection.prepareStatement("SELECT s.id, MATCH(s.name, s.description) AGAINST (? "
                + "IN NATURAL LANGUAGE MODE) AS score" + where + " ORDER BY score DESC LIMIT 10")) {
            top.setString(1, query.text());
            for (int i = 0; i < params.size(); i++) {
                top.setObject(i + 2, params.get(i));
            }
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where)) {
            for (int i = 0; i < params.size(); i++) {
                count.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
            }
        }
        return ids;
    }

    static double[] centre(Connection connection, String postcode) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT AVG(lo.latitude), AVG(lo.longitude) "
                + "FROM address ad JOIN location lo ON lo.id = ad.location_id WHERE ad.postal_code = ?")) {
            statement.setString(1, postcode);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private static void term(StringBuilder where, List<Object> params, String taxonomy, String code) {
        if (code != null) {
            where.append(" AND EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id "
                    + "WHERE a.link_id = s.id AND t.taxonomy = ? AND t.code = ?)");
            params.add(taxonomy);
            params.add(code);
        }
    }

    /** nDCG@10 on the judged queries: the API as evaluate.py asks it, and FULLTEXT with the same radius filter. */
    static void ndcg(String base, String jdbc, Path queries) throws Exception {
        JsonNode judged = JSON.readTree(queries.toFile());
        double api = 0;
        double sql = 0;
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            for (JsonNode q : judged) {
                String text = q.get("q").asText();
                String postcode = q.has("postcode") ? q.get("postcode").asText() : null;
                Integer radius = q.has("radius_km") ? q.get("radius_km").asInt() : null;
                String path = "/api/v1/search?kind=service&limit=10&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + (postcode == null ? "" : "&postcode=" + postcode + "&radius_km=" + radius);
                JsonNode body = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                List<String> ranked = new ArrayList<>();
                body.get("results").forEach(r -> ranked.add(r.get("id").asText()));
                api += ndcg(ranked, q.get("relevant"));
                sql += ndcg(fulltextTop10(connection, new Query(path, text, null, null, null, postcode, radius)),
                        q.get("relevant"));
            }
        }
        System.out.printf(Locale.ROOT, "| nDCG@10 on the eval set (%d judged queries) | %.3f | %.3f |%n", judged.size(),
                api / judged.size(), sql / judged.size());
    }

    static double ndcg(List<String> ranked, JsonNode relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += (Math.pow(2, relevant.path(ranked.get(i)).asInt(0)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> grades = new ArrayList<>();
        relevant.forEach(g -> grades.add(g.asInt()));
        grades.sort(Collections.reverseOrder());
        double ideal = 0;
        for (int i = 0; i < Math.min(10, grades.size()); i++) {
            ideal += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Rounds of: edit a service's name through the four-eyes workflow, then poll search until it finds it. */
    static void freshness(String base, String author, String approver, String password, int rounds) throws Exception {
        String authorToken = login(base, author, password);
        String approverToken = login(base, approver, password);
        List<Query> mix = searchMix();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            load.add(startThread(() -> {
                for (int n = offset; loading.get(); n += 2) {
                    try {
                        HTTP.send(HttpRequest.newBuilder(URI.create(base + mix.get(n % mix.size()).path())).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (Exception ignored) {
                        // the load only has to be there
                    }
                }
            }));
        }
        try {
            List<Double> delays = measureFreshness(base, authorToken, approverToken, rounds);
            Collections.sort(delays);
            System.out.printf(Locale.ROOT, "median %.0f ms, max %.0f ms%n", delays.get(delays.size() / 2),
                    delays.get(delays.size() - 1));
        } finally {
            // The load stops whatever happened: a failed round must not leave the bench running for ever.
            loading.set(false);
            for (Thread thread : load) {
                thread.join();
            }
        }
    }

    private static List<Double> measureFreshness(String base, String authorToken, String approverToken, int rounds)
            throws Exception {
        List<Double> delays = new ArrayList<>();
        JsonNode services = JSON.readTree(send(base, "GET", "/api/v1/services?limit=" + rounds, null, null));
        for (int round = 0; round < rounds; round++) {
            String id = services.get("items").get(round).get("id").asText();
            String word = "versheidstoets" + System.nanoTime();
            JsonNode change = JSON.readTree(send(base, "POST", "/api/v1/editor/listings/service/" + id + "/changes",
                    authorToken, Map.of("fields", Map.of("name", "Benchmarkdienst " + word), "reason", "benchmark")));
            JsonNode submitted = JSON.readTree(send(base, "POST", "/api/v1/editor/changes/" + change.get("id").asText()
                    + "/submit", authorToken, Map.of()));
            // An approval names the version the reviewer saw.
            send(base, "POST", "/api/v1/editor/changes/" + change.get("id").asText() + "/approve", approverToken,
                    Map.of("reason", "benchmark", "version", submitted.get("version").asInt()));
            long published = System.nanoTime();
            while (JSON.readTree(send(base, "GET", "/api/v1/search?q=" + word, null, null)).get("total").asInt() == 0) {
                if (System.nanoTime() - published > 10_000_000_000L) {
                    throw new IllegalStateException("not searchable within 10 s");
                }
                Thread.sleep(5);
            }
            delays.add((System.nanoTime() - published) / 1e6);
        }
        return delays;
    }

    private static String login(String base, String email, String password) throws Exception {
        return "Bearer " + JSON.readTree(send(base, "POST", "/api/v1/auth/login", null,
                Map.of("email", email, "password", password))).get("token").asText();
    }

    private static String send(String base, String method, String path, String authorization, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        request.header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Thread startThread(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    interface Call {
        /** Makes call number n; returns the server-side milliseconds, or NaN when unknown. */
        double call(int n) throws Exception;
    }

    record Result(long requests, double seconds, List<Double> client, List<Double> server, long errors) {
        void print(String name) {
            double rate = requests / seconds;
            System.out.printf(Locale.ROOT, "| %s | %s/s | %s | %s | %d |%n", name,
                    String.format(Locale.ROOT, rate < 10 ? "%.2f" : "%.0f", rate),
                    percentiles(server), percentiles(client), errors);
        }

        static String percentiles(List<Double> values) {
            List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
            if (sorted.isEmpty()) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
        }

        private static double at(List<Double> sorted, double quantile) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    /** A warm-up of a quarter of the time, then the measured run: each worker calls in a loop, one call at a time. */
    static Result run(int seconds, int concurrency, Call call) throws Exception {
        measure(Math.max(2, seconds / 4), concurrency, call);
        return measure(seconds, concurrency, call);
    }

    private static Result measure(int seconds, int concurrency, Call call) throws Exception {
        ConcurrentLinkedQueue<double[]> samples = new ConcurrentLinkedQueue<>();
        AtomicLong counter = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(startThread(() -> {
                while (System.nanoTime() < deadline) {
                    int n = (int) counter.getAndIncrement();
                    long t0 = System.nanoTime();
                    try {
                        double server = call.call(n);
                        samples.add(new double[] {(System.nanoTime() - t0) / 1e6, server});
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("first error: " + e);
                        }
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        samples.forEach(s -> {
            client.add(s[0]);
            server.add(s[1]);
        });
        return new Result(samples.size(), elapsed, client, server, errors.get());
    }
}
