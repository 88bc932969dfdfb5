package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.Resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Nestkaart profile of HSDS 3.0 ({@code src/main/resources/hsds-profile/}): merge patches that add the
 * {@code nestkaart_} fields to HSDS tables, and the schemas of the tables HSDS does not have. Served at
 * {@link #PATH}; the /hsds root, the exports and the OpenAPI document name it.
 */
@Singleton
class HsdsProfile {
    static final String PATH = "/hsds/profile";
    private static final String RESOURCES = "classpath:hsds-profile/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resources resources;
    private final ObjectNode description;
    private final Map<String, JsonNode> schemas = new TreeMap<>();
    private final Set<String> patchedTables = new TreeSet<>();

    HsdsProfile(Resources resources) {
        this.resources = resources;
        ObjectMapper json = JSON;
        this.description = (ObjectNode) read(resources, json, RESOURCES + "profile.json");
        description.withArray("patches").forEach(name -> {
            schemas.put(name.asText(), read(resources, json, RESOURCES + "schema/" + name.asText() + ".json"));
            patchedTables.add(name.asText());
        });
        description.withObject("tables").forEach(name ->
                schemas.put(name.asText(), read(resources, json, RESOURCES + "schema/" + name.asText() + ".json")));
    }

    /** Where the profile is published on a site with this base URL. */
    static String url(String baseUrl) {
        return baseUrl + PATH;
    }

    /** The profile's description with the address of each of its schemas. */
    ObjectNode describe(String baseUrl) {
        ObjectNode described = description.deepCopy();
        ObjectNode files = described.putObject("schemas");
        schemas.keySet().forEach(name -> files.put(name, schemaUrl(baseUrl, name)));
        return described;
    }

    /** A file of the profile: the merge patch of an HSDS table, or the schema of an extension table. */
    Optional<JsonNode> schema(String name) {
        return Optional.ofNullable(schemas.get(name)).map(JsonNode::deepCopy);
    }

    /** The merge patch of an HSDS table (empty for a table the profile leaves as HSDS has it). */
    Optional<JsonNode> patch(String hsdsTable) {
        return Optional.ofNullable(patchedTables.contains(hsdsTable) ? schemas.get(hsdsTable) : null);
    }

    /** The HSDS schema of a table with the profile applied. */
    JsonNode patched(String hsdsTable, JsonNode hsdsSchema) {
        return patch(hsdsTable).map(p -> JsonMergePatch.apply(hsdsSchema, p)).orElse(hsdsSchema);
    }

    /** The JSON Schema a record of the table is checked with: HSDS's with the profile applied, or the extension's. */
    JsonNode schemaOf(HsdsTable table) {
        String name = table.schema().substring(table.schema().lastIndexOf('/') + 1).replace(".json", "");
        JsonNode schema = read(resources, JSON, table.schema());
        return table.schema().startsWith(HsdsTables.HSDS_SCHEMA) ? patched(name, schema) : schema;
    }

    static String schemaUrl(String baseUrl, String name) {
        return url(baseUrl) + "/schema/" + name + ".json";
    }

    private static JsonNode read(Resources resources, ObjectMapper json, String path) {
        try (InputStream in = resources.open(path)
                .orElseThrow(() -> new IllegalStateException("missing profile file " + path))) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
