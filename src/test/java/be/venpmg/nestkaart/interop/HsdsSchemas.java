package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The official HSDS 3.0 JSON Schemas, validated with a real JSON Schema validator (networknt, draft 2020-12, formats
 * asserted): the compiled API shapes (test resources), the table schemas and the API reference's own inline schemas
 * (the index and the page envelope, from openapi.json). The compiled and table schemas are checked strictly, as HSDS's
 * own example check does: the Nestkaart profile's merge patches applied to every table they name, and then no field
 * that neither HSDS nor the profile defines ({@code additionalProperties: false} on every object).
 */
final class HsdsSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLES = "classpath:hsds/schema/";
    /** Table schemas load strict, also where one table's schema refers to another's ("phone.json"). */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .schemaLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith(TABLES)
                    ? () -> new ByteArrayInputStream(strict(readTree("/" + iri.toString().substring("classpath:".length())))
                            .toString().getBytes(StandardCharsets.UTF_8))
                    : null))
            .build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> PROFILE_PATCHES = patchedTables();

    private HsdsSchemas() {
    }

    /** compiled/{name}.json: service, organization, service_at_location and the *_list forms. */
    static JsonSchema compiled(String name) {
        return CACHE.computeIfAbsent("compiled/" + name, key -> {
            try (InputStream in = new GZIPInputStream(resource("/hsds/compiled/" + name + ".json.gz"))) {
                return FACTORY.getSchema(strict(JSON.readTree(in)), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** schema/{table}.json, the per-table schema (taxonomy, taxonomy_term, address, ...), strict with the profile. */
    static JsonSchema table(String name) {
        return CACHE.computeIfAbsent("table/" + name, key -> FACTORY.getSchema(
                SchemaLocation.of(TABLES + name + ".json"), CONFIG));
    }

    /**
     * The schema with the profile's patch applied to each table object in it (compiled schemas name each table object
     * by its table, "name": "address"), and every object closed to other fields.
     */
    static JsonNode strict(JsonNode schema) {
        JsonNode patched = schema;
        String table = schema.path("name").asText();
        if (schema.has("properties") && PROFILE_PATCHES.contains(table)) {
            patched = JsonMergePatch.apply(schema, readTree("/hsds-profile/schema/" + table + ".json"));
        }
        if (patched instanceof ObjectNode object) {
            ObjectNode closed = object.deepCopy();
            closed.properties().forEach(member -> {
                if (member.getKey().equals("properties")) {
                    ObjectNode properties = (ObjectNode) member.getValue();
                    properties.properties().forEach(p -> properties.set(p.getKey(), strict(p.getValue())));
                } else if (member.getValue().isContainerNode()) {
                    member.setValue(strict(member.getValue()));
                }
            });
            if (closed.has("properties")) {
                closed.put("additionalProperties", false);
            }
            return closed;
        }
        if (patched instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(strict(item)));
            return copy;
        }
        return patched;
    }

    /** Nestkaart's own schemas of its extension tables. */
    static JsonSchema extension(String name) {
        return CACHE.computeIfAbsent("extension/" + name, key -> load("/hsds-profile/schema/" + name + ".json"));
    }

    /** The response schema of an operation of the HSDS API reference (openapi.json), e.g. "/" → index. */
    static JsonSchema apiReference(String path) {
        return CACHE.computeIfAbsent("api" + path, key -> {
            JsonNode openapi = readTree("/hsds/schema/openapi.json");
            JsonNode schema = openapi.at("/paths/" + path.replace("~", "~0").replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema");
            return FACTORY.getSchema(schema, CONFIG);
        });
    }

    /** components/schemas/Page of the API reference: the envelope of every list. */
    static JsonSchema page() {
        return CACHE.computeIfAbsent("page", key ->
                FACTORY.getSchema(readTree("/hsds/schema/openapi.json").at("/components/schemas/Page"), CONFIG));
    }

    static List<String> errors(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).toList();
    }

    /** From the classpath, so the schemas' relative $ref and $id resolve next to them. */
    private static JsonSchema load(String path) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + path.substring(1)), CONFIG);
    }

    private static Set<String> patchedTables() {
        Set<String> tables = new HashSet<>();
        readTree("/hsds-profile/profile.json").get("patches").forEach(name -> tables.add(name.asText()));
        return tables;
    }

    private static JsonNode readTree(String path) {
        try (InputStream in = resource(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = HsdsSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing schema " + path);
        }
        return in;
    }
}
