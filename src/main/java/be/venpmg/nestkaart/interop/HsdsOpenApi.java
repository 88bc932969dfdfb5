package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.OpenApiContribution;
import be.venpmg.nestkaart.kernel.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The /hsds part of the OpenAPI document: the HSDS 3.0 table schemas (from the HSDS project's files, with the
 * Nestkaart profile applied) as components that the /hsds answers reference, the HSDS page envelope, and the types of
 * the query parameters (the controller reads them as text to answer a bad value with a problem naming it).
 */
@Singleton
class HsdsOpenApi implements OpenApiContribution {
    /** Component names: {@code hsds.service}, {@code hsds.service_page}, ... */
    static final String PREFIX = "hsds.";
    static final String REFERENCES = "#/components/schemas/" + PREFIX;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the API answers; the tables they nest are reached through their references. */
    private static final Set<String> ANSWERS = Set.of("service", "organization", "service_at_location", "taxonomy",
            "taxonomy_term");
    /** JSON Schema words an OpenAPI 3.0 schema object has; HSDS's own (name, constraints, datapackage_…) are left. */
    private static final Set<String> SCHEMA_WORDS = Set.of("type", "title", "description", "format", "enum", "items",
            "properties", "required", "example", "minimum", "maximum", "minLength", "maxLength", "pattern");

    private final Resources resources;
    private final HsdsProfile profile;
    private final int maxPerPage;

    HsdsOpenApi(Resources resources, HsdsProfile profile,
                @Value("${nestkaart.hsds.per-page-max:500}") int maxPerPage) {
        this.resources = resources;
        this.profile = profile;
        this.maxPerPage = maxPerPage;
    }

    @Override
    public void contribute(ObjectNode document) {
        ObjectNode schemas = document.withObject("components").withObject("schemas");
        tableSchemas().forEach((table, schema) -> schemas.set(PREFIX + table, schema));
        // The API nests the service in a service at location (the compiled schema adds it; the table has no column).
        schemas.withObject(PREFIX + "service_at_location").withObject("properties").putObject("service")
                .put("$ref", reference("service"));
        JsonNode reference = read(HsdsTables.HSDS_SCHEMA + "openapi.json");
        schemas.set(PREFIX + "page", reference.at("/components/schemas/Page").deepCopy());
        ObjectNode index = reference.at("/paths/~1/get/responses/200/content/application~1json/schema").deepCopy();
        schemas.set(PREFIX + "index", index);
        for (String answer : ANSWERS) {
            ArrayNode allOf = schemas.putObject(PREFIX + answer + "_page").putArray("allOf");
            allOf.addObject().put("$ref", REFERENCES + "page");
            allOf.addObject().put("type", "object").putObject("properties").putObject("contents").put("type", "array")
                    .putObject("items").put("$ref", reference(answer));
        }
        document.withObject("paths").properties().stream().filter(path -> path.getKey().startsWith("/hsds"))
                .forEach(path -> path.getValue().forEach(operation -> operation.path("parameters")
                        .forEach(parameter -> type((ObjectNode) parameter))));
    }

    /** The tables the answers need, each in OpenAPI form with the profile's fields. */
    private Map<String, ObjectNode> tableSchemas() {
        Map<String, ObjectNode> converted = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>(ANSWERS);
        while (!pending.isEmpty()) {
            String table = pending.pop();
            if (!converted.containsKey(table)) {
                JsonNode schema = profile.patched(table, read(HsdsTables.HSDS_SCHEMA + table + ".json"));
                converted.put(table, convert(schema, pending));
            }
        }
        return converted;
    }

    private static ObjectNode convert(JsonNode schema, Deque<String> referenced) {
        ObjectNode result = JSON.createObjectNode();
        if (schema.has("$ref")) {
            // A reference stands alone in OpenAPI 3.0: the words next to it would be ignored.
            String table = schema.get("$ref").asText().replace(".json", "");
            referenced.add(table);
            return result.put("$ref", reference(table));
        }
        schema.properties().forEach(word -> {
            if (!SCHEMA_WORDS.contains(word.getKey())) {
                return;
            }
            switch (word.getKey()) {
                case "items" -> result.set("items", convert(word.getValue(), referenced));
                case "properties" -> {
                    ObjectNode properties = result.putObject("properties");
                    word.getValue().properties().forEach(p -> properties.set(p.getKey(), convert(p.getValue(), referenced)));
                }
                case "example" -> example(schema.path("type").asText(), word.getValue())
                        .ifPresent(example -> result.set("example", example));
                default -> result.set(word.getKey(), word.getValue().deepCopy());
            }
        });
        return result;
    }

    /** HSDS writes the examples of numbers as text ("1"): a number where one is due, none where it is not one. */
    private static Optional<JsonNode> example(String type, JsonNode example) {
        if (!type.equals("number") && !type.equals("integer") || example.isNumber()) {
            return Optional.of(example.deepCopy());
        }
        try {
            BigDecimal number = new BigDecimal(example.asText().trim());
            return type.equals("integer") && number.stripTrailingZeros().scale() > 0 ? Optional.empty()
                    : Optional.of(JSON.getNodeFactory().numberNode(number));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private void type(ObjectNode parameter) {
        ObjectNode schema = JSON.createObjectNode();
        switch (parameter.path("name").asText()) {
            case "page" -> schema.put("type", "integer").put("minimum", 1).put("default", 1);
            case "per_page" -> schema.put("type", "integer").put("minimum", 1).put("maximum", maxPerPage);
            case "full", "full_service", "minimal", "top_only" -> schema.put("type", "boolean").put("default", false);
            case "proximity" -> schema.put("type", "number").put("minimum", 1)
                    .put("maximum", HsdsController.MAX_PROXIMITY_METERS);
            case "format" -> schema.put("type", "string").putArray("enum").add("json");
            case "postcode" -> schema.put("type", "string").put("pattern", "^[1-9][0-9]{3}$");
            default -> schema.put("type", "string");
        }
        parameter.set("schema", schema);
    }

    static String reference(String table) {
        return REFERENCES + table;
    }

    private JsonNode read(String path) {
        try (InputStream in = resources.open(path)
                .orElseThrow(() -> new IllegalStateException("missing " + path))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
