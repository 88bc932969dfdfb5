package be.venpmg.nestkaart.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document clients generate from: what micronaut-openapi generated from the controllers at build time,
 * completed once with what annotations do not carry (the contributions; that public operations need no credentials;
 * that every operation answers its errors as RFC 9457 problems) and, per request, the server it is served from.
 */
@Singleton
public class OpenApiDocument {
    static final String GENERATED = "classpath:META-INF/swagger/nestkaart.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final ObjectNode document;
    private final SiteAddress site;

    OpenApiDocument(Resources resources, List<OpenApiContribution> contributions, SiteAddress site) {
        this.site = site;
        try (InputStream in = resources.open(GENERATED)
                .orElseThrow(() -> new IllegalStateException("the build did not generate " + GENERATED))) {
            this.document = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contributions.forEach(contribution -> contribution.contribute(document));
        document.withObject("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> complete((ObjectNode) operation.getValue())));
        typeNullableReferences(document.withObject("components").withObject("schemas"));
        declareTags();
    }

    /** Tags an operation uses are declared at the top, where generators and documentation look them up. */
    private void declareTags() {
        ArrayNode tags = document.withArray("tags");
        Set<String> declared = new TreeSet<>();
        tags.forEach(tag -> declared.add(tag.path("name").asText()));
        Set<String> used = new TreeSet<>();
        document.withObject("paths").forEach(path -> path.forEach(operation -> operation.path("tags")
                .forEach(tag -> used.add(tag.asText()))));
        used.removeAll(declared);
        used.forEach(tag -> tags.addObject().put("name", tag));
    }

    /** The document as served from this site. */
    public String forSite() {
        ObjectNode served = document.deepCopy();
        ArrayNode servers = served.putArray("servers");
        servers.addObject().put("url", site.baseUrl()).put("description", "Nestkaart");
        return served.toString();
    }

    private static void complete(ObjectNode operation) {
        if (!operation.has("security")) {
            operation.putArray("security"); // public: no credentials needed
        }
        ObjectNode responses = operation.withObject("responses");
        boolean declaresClientErrors = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            declaresClientErrors |= response.getKey().startsWith("4");
        }
        if (!declaresClientErrors) {
            responses.putObject("4XX").put("description", "The request cannot be answered: the problem says why")
                    .putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema").put("$ref", PROBLEM);
        }
    }

    /** OpenAPI 3.0 says what is nullable only next to a type: a nullable reference is a nullable object. */
    private static void typeNullableReferences(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("nullable").asBoolean() && !object.has("type")
                && object.has("allOf")) {
            object.put("type", "object");
        }
        node.forEach(OpenApiDocument::typeNullableReferences);
    }
}
