package be.venpmg.nestkaart.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One immutable reading of {@code index-config/}: the analysers built from {@code analysis.json}, the settings of
 * {@code search.properties} and the word lists. Loaded from a folder on disk, or from the copy inside the jar.
 */
public final class IndexConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGED = "index-config/";

    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final Analyzer spellingAnalyzer;
    private final String indexFingerprint;
    private final Properties settings;
    private final List<String> urgentHelp;
    private final Map<String, String> languageNames;
    private final java.util.Set<String> notPlaces;
    private final Map<String, String> facetTaxonomies;
    private final Map<String, String> facetOfTaxonomy;
    private final String source;
    private final ResourceLoader loader;
    private final ConceptVocabulary conceptVocabulary;

    private IndexConfig(ResourceLoader loader, String source) throws IOException {
        this.source = source;
        this.loader = loader;
        JsonNode analysis = JSON.readTree(read(loader, "analysis.json"));
        this.indexAnalyzer = analyzer(loader, analysis.get("index"));
        this.queryAnalyzer = analyzer(loader, analysis.get("query"));
        this.spellingAnalyzer = analyzer(loader, analysis.get("spelling"));
        // How many words the index chain remembers does not shape the terms: no reason to rebuild.
        this.indexFingerprint = fingerprint(loader,
                ((ObjectNode) analysis.get("index").deepCopy())
                        .without("memoizedWords").toString(),
                "stopwords.txt", "protected-words.txt", "compound-parts.txt", "languages.txt");
        this.settings = new Properties();
        try (InputStream in = loader.openResource("search.properties")) {
            settings.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        this.urgentHelp = lines(loader, "urgent-help.txt");
        this.notPlaces = java.util.Set.copyOf(lines(loader, "not-places.txt"));
        Map<String, String> facets = new LinkedHashMap<>();
        settings.stringPropertyNames().stream().filter(k -> k.startsWith("facet.")).sorted()
                .forEach(k -> facets.put(k.substring("facet.".length()), settings.getProperty(k).trim()));
        this.facetTaxonomies = java.util.Collections.unmodifiableMap(facets);
        Map<String, String> inverse = new LinkedHashMap<>();
        facets.forEach((dimension, taxonomy) -> inverse.put(taxonomy, dimension));
        this.facetOfTaxonomy = java.util.Collections.unmodifiableMap(inverse);
        this.conceptVocabulary = new ConceptVocabulary(lines(loader, "concepts.txt"),
                analyzer(loader, analysis.get("concept")), spellingAnalyzer);
        this.languageNames = new LinkedHashMap<>();
        for (String line : lines(loader, "languages.txt")) {
            int eq = line.indexOf('=');
            languageNames.put(line.substring(0, eq).trim(), line.substring(eq + 1).replace(',', ' ').trim());
        }
    }

    /** Reads the folder, or the packaged copy when {@code folder} is null or missing. */
    public static IndexConfig load(Path folder) {
        try {
            if (folder != null && Files.isDirectory(folder)) {
                return new IndexConfig(new FolderLoader(folder), folder.toAbsolutePath().toString());
            }
            return new IndexConfig(new PackagedLoader(), "packaged");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read index-config from " + folder, e);
        }
    }

    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    public Analyzer spellingAnalyzer() {
        return spellingAnalyzer;
    }

    /** Changes when anything that shapes indexed terms changes: the index must then be rebuilt. */
    public String indexFingerprint() {
        return indexFingerprint;
    }

    /** The shipped concept vocabulary of {@code concepts.txt}; {@link SearchVocabulary} adds the database's words. */
    ConceptVocabulary conceptVocabulary() {
        return conceptVocabulary;
    }

    /** A file of the configuration folder (or the packaged copy), for readers of larger resources. */
    public InputStream open(String name) throws IOException {
        return loader.openResource(name);
    }

    /** A comma-separated setting as a list, empty when absent. */
    public List<String> list(String key) {
        String value = settings.getProperty(key, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*"));
    }

    public float number(String key, float fallback) {
        return Float.parseFloat(settings.getProperty(key, Float.toString(fallback)).trim());
    }

    public String source() {
        return source;
    }

    public float boost(String field) {
        return Float.parseFloat(settings.getProperty("boost." + field, "1.0"));
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(settings.getProperty(key, Integer.toString(fallback)).trim());
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(settings.getProperty(key, "false").trim());
    }

    /** Facet dimension (API name) → taxonomy name, in the order of the file. */
    public Map<String, String> facetTaxonomies() {
        return facetTaxonomies;
    }

    /** Taxonomy name → the facet dimension that holds its codes. */
    public Map<String, String> facetOfTaxonomy() {
        return facetOfTaxonomy;
    }

    /** "taxonomy-without-prefix:code" entries, e.g. organization-type:helpline. */
    public List<String> urgentHelp() {
        return urgentHelp;
    }

    /** Folded words that are place names but never meant as a location in a query. */
    public java.util.Set<String> notPlaces() {
        return notPlaces;
    }

    /** Dutch names of a language code, space separated ("Arabisch"), or the code itself. */
    public String languageNames(String code) {
        return languageNames.getOrDefault(code, code);
    }

    /** The first Dutch name of a language code ("Arabisch"), for display. */
    public String languageName(String code) {
        return languageNames(code).split(" ")[0];
    }

    private static Analyzer analyzer(ResourceLoader loader, JsonNode chain) throws IOException {
        CustomAnalyzer.Builder builder = CustomAnalyzer.builder(loader);
        for (JsonNode charFilter : iterable(chain.get("charFilters"))) {
            builder.addCharFilter(charFilter.get("name").asText(), params(charFilter));
        }
        builder.withTokenizer(chain.get("tokenizer").get("name").asText(), params(chain.get("tokenizer")));
        for (JsonNode filter : iterable(chain.get("filters"))) {
            builder.addTokenFilter(filter.get("name").asText(), params(filter));
        }
        CustomAnalyzer analyzer = builder.build();
        JsonNode memoized = chain.get("memoizedWords");
        return memoized == null ? analyzer : new WordMemoAnalyzer(analyzer, memoized.asInt());
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null ? List.of() : array::elements;
    }

    private static Map<String, String> params(JsonNode step) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode node = step.get("params");
        if (node != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        return params;
    }

    private static List<String> lines(ResourceLoader loader, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(loader.openResource(name),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }

    private static String read(ResourceLoader loader, String name) throws IOException {
        try (InputStream in = loader.openResource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fingerprint(ResourceLoader loader, String chain, String... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(chain.getBytes(StandardCharsets.UTF_8));
            for (String file : files) {
                digest.update(read(loader, file).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record FolderLoader(Path folder) implements ResourceLoader {
        @Override
        public InputStream openResource(String resource) throws IOException {
            return Files.newInputStream(folder.resolve(resource));
        }

        @Override
        public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
            return new ClasspathResourceLoader(IndexConfig.class.getClassLoader()).findClass(cname, expectedType);
        }
    }

    private static final class PackagedLoader implements ResourceLoader {
        private final ClasspathResourceLoader classes = new ClasspathResourceLoader(IndexConfig.class.getClassLoader());

        @Override
        public InputStream openResource(String resource) throws IOException {
            return classes.openResource(PACKAGED + resource);
        }

        @Override
        public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
            return classes.findClass(cname, expectedType);
        }
    }
}
