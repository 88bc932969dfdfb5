package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The official HSDS 3.0 JSON Schemas, validated with a real JSON Schema validator (networknt, draft 2020-12, formats
 * asserted): the compiled API shapes (test resources), the table schemas and the API reference's own inline schemas
 * (the index and the page envelope, from openapi.json).
 */
final class HsdsSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** compiled/{name}.json: service, organization, service_at_location and the *_list forms. */
    static JsonSchema compiled(String name) {
        return CACHE.computeIfAbsent("compiled/" + name, key -> {
            try (InputStream in = new GZIPInputStream(resource("/hsds/compiled/" + name + ".json.gz"))) {
                return FACTORY.getSchema(JSON.readTree(in), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** schema/{table}.json, the per-table schema (taxonomy, taxonomy_term, address, ...). */
    static JsonSchema table(String name) {
        return CACHE.computeIfAbsent("table/" + name, key -> load("/hsds/schema/" + name + ".json"));
    }

    /** Nestkaart's own schemas of its extension tables. */
    static JsonSchema extension(String name) {
        return CACHE.computeIfAbsent("extension/" + name, key -> load("/nestkaart-schema/" + name + ".json"));
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
