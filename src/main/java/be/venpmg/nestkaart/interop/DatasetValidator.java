package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.WebAddress;
import be.venpmg.nestkaart.geo.GeoBounds;
import be.venpmg.nestkaart.kernel.TextHygiene;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a whole dataset before anything is written: every record against its JSON Schema, ids unique per table,
 * every reference resolvable (in the dataset or already in the database), coordinates plausible.
 *
 * <p>Others' datasets (HSDS's own examples among them) carry small faults that need not cost the whole import; those
 * are repaired in the dataset and reported, never silently: a number where the schema wants text becomes that text, an
 * optional link to a record that exists nowhere is left empty, coordinates outside the service area are dropped (the
 * postal code gives them again), an attribute whose record or term exists nowhere is left out. A reference a record
 * cannot do without ({@link HsdsTables#REQUIRED_REFERENCES}) still refuses the dataset.
 */
@Singleton
class DatasetValidator {
    private static final int MAX_PROBLEMS = 200;

    private final GeoBounds bounds;
    private final HsdsProfile profile;
    private final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig schemaConfig = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    DatasetValidator(GeoBounds bounds, HsdsProfile profile) {
        this.bounds = bounds;
        this.profile = profile;
    }

    /** What the database holds already: references and hierarchies may reach into an earlier import. */
    interface Stored {
        /** The ids of {@code wanted} that a table holds. */
        Set<String> existing(String table, Set<String> wanted);

        /** The stored parent of a record (the column that refers to its own table), or null. */
        String parent(String table, String column, String id);
    }

    /** Fields that become links on pages: only web addresses, never javascript: or data: (red-team finding). */
    private static final List<String> LINK_FIELDS = List.of("url", "website", "registration_url", "schedule_link");

    /** What a dataset needs before it may be written: refusals stop it; repairs were made and are reported. */
    record Outcome(List<ImportProblem> refusals, List<ImportProblem> repairs) {
    }

    Outcome validate(HsdsDataset dataset, Stored stored) {
        Problems problems = new Problems();
        Problems repairs = new Problems();
        Map<String, Set<String>> ids = new HashMap<>();
        for (HsdsTable table : HsdsTables.ALL) {
            List<ObjectNode> records = dataset.records(table.key());
            Set<String> tableIds = new HashSet<>();
            // HSDS's schema with the profile's fields, so those are checked too (a waiting time in words is refused).
            JsonSchema schema = schemas.computeIfAbsent(table.schema(), location -> schemaFactory.getSchema(
                    SchemaLocation.of(location), profile.schemaOf(table), schemaConfig));
            for (int i = 0; i < records.size() && !problems.full(); i++) {
                ObjectNode record = records.get(i);
                String id = text(record, table.idField());
                textWhereTextIsDue(schema, table, i, id, record, repairs);
                for (ValidationMessage message : schema.validate(record)) {
                    problems.add(new ImportProblem(table.key(), i, id, fieldOf(message), message.getMessage()));
                }
                if (id != null && !tableIds.add(id)) {
                    problems.add(new ImportProblem(table.key(), i, id, table.idField(), "duplicate id in this table"));
                }
                for (var fields = record.fields(); fields.hasNext(); ) {
                    var property = fields.next();
                    if (property.getValue().isTextual()) {
                        var why = TextHygiene.problem(property.getValue().textValue());
                        if (why.isPresent()) {
                            problems.add(new ImportProblem(table.key(), i, id, property.getKey(), why.get()));
                        }
                    }
                }
                for (String field : LINK_FIELDS) {
                    String link = text(record, field);
                    if (link != null && !WebAddress.isWebAddress(link.strip())) {
                        problems.add(new ImportProblem(table.key(), i, id, field,
                                "must be an http(s) address (a page links to it)"));
                    }
                }
            }
            ids.put(table.key(), tableIds);
        }
        checkCoordinates(dataset, repairs);
        checkReferences(dataset, ids, stored, problems, repairs);
        checkHierarchies(dataset, stored, problems);
        return new Outcome(problems.list, repairs.list);
    }

    /** A number or true/false where the schema wants text (HSDS's example has a numeric external_identifier). */
    private static void textWhereTextIsDue(JsonSchema schema, HsdsTable table, int index, String id, ObjectNode record,
                                           Problems repairs) {
        JsonNode properties = schema.getSchemaNode().path("properties");
        for (String field : List.copyOf(iterable(record.fieldNames()))) {
            JsonNode value = record.get(field);
            JsonNode type = properties.path(field).path("type");
            boolean wantsText = type.isTextual() ? type.asText().equals("string")
                    : type.isArray() && type.toString().contains("\"string\"") && !type.toString().contains("\"number\"")
                    && !type.toString().contains("\"integer\"");
            if (wantsText && (value.isNumber() || value.isBoolean())) {
                record.put(field, value.asText());
                repairs.add(new ImportProblem(table.key(), index, id, field,
                        "was " + value + ", a " + (value.isNumber() ? "number" : "true/false") + "; kept as text"));
            }
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /**
     * A term's parent, an organisation's parent organisation: following parents must end, never come back to where
     * it began. A record that is its own parent or ancestor, in the dataset or through records stored earlier, is
     * refused (pages and the taxonomy tree would loop).
     */
    private void checkHierarchies(HsdsDataset dataset, Stored stored, Problems problems) {
        for (HsdsTable table : HsdsTables.ALL) {
            for (Map.Entry<String, String> reference : table.references().entrySet()) {
                if (!reference.getValue().equals(table.key())) {
                    continue;
                }
                String field = reference.getKey();
                List<ObjectNode> records = dataset.records(table.key());
                Map<String, String> parents = new HashMap<>();
                records.forEach(record -> parents.put(text(record, table.idField()), text(record, field)));
                Set<String> endsWell = new HashSet<>();
                for (int i = 0; i < records.size() && !problems.full(); i++) {
                    String id = text(records.get(i), table.idField());
                    if (id == null) {
                        continue;
                    }
                    List<String> chain = ancestry(id, parents, endsWell,
                            child -> stored.parent(table.table(), table.column(field), child));
                    if (chain != null) {
                        problems.add(new ImportProblem(table.key(), i, id, field, chain.size() == 2
                                ? "is its own parent" : "its parents form a loop: " + String.join(" → ", chain)));
                    }
                }
            }
        }
    }

    /** The loop back to {@code id} when its parents lead there, else null; records found to end well are kept. */
    private static List<String> ancestry(String id, Map<String, String> parents, Set<String> endsWell,
                                         java.util.function.UnaryOperator<String> storedParent) {
        List<String> chain = new ArrayList<>(List.of(id));
        Set<String> seen = new HashSet<>(chain);
        String current = id;
        while (true) {
            String parent = parents.containsKey(current) ? parents.get(current) : storedParent.apply(current);
            if (parent == null || endsWell.contains(parent)) {
                endsWell.addAll(chain);
                return null;
            }
            chain.add(parent);
            if (parent.equals(id)) {
                return chain;
            }
            if (!seen.add(parent)) {
                return null; // a loop above this record, reported for the records in it
            }
            current = parent;
        }
    }

    private void checkCoordinates(HsdsDataset dataset, Problems repairs) {
        List<ObjectNode> locations = dataset.records("locations");
        for (int i = 0; i < locations.size(); i++) {
            ObjectNode location = locations.get(i);
            JsonNode lat = location.get("latitude");
            JsonNode lon = location.get("longitude");
            boolean hasLat = lat != null && !lat.isNull();
            boolean hasLon = lon != null && !lon.isNull();
            String id = text(location, "id");
            String why = null;
            if (hasLat != hasLon) {
                why = "latitude and longitude must be given together";
            } else if (hasLat && lat.isNumber() && lon.isNumber()
                    && !bounds.contains(lat.asDouble(), lon.asDouble())) {
                why = "coordinates (" + lat.asText() + ", " + lon.asText() + ") lie outside the service area "
                        + "(latitude " + bounds.minLatitude() + "–" + bounds.maxLatitude() + ", longitude "
                        + bounds.minLongitude() + "–" + bounds.maxLongitude() + ")";
            }
            if (why != null) {
                location.remove(List.of("latitude", "longitude"));
                repairs.add(new ImportProblem("locations", i, id, hasLat ? "latitude" : "longitude",
                        why + "; left out (the postal code gives coordinates where it can)"));
            }
        }
    }

    private void checkReferences(HsdsDataset dataset, Map<String, Set<String>> ids, Stored stored,
                                 Problems problems, Problems repairs) {
        // Pass one: references not satisfied by the dataset itself, grouped by target table.
        Map<String, Set<String>> outside = new LinkedHashMap<>();
        List<PendingReference> pending = new ArrayList<>();
        for (HsdsTable table : HsdsTables.ALL) {
            List<ObjectNode> records = dataset.records(table.key());
            for (int i = 0; i < records.size(); i++) {
                ObjectNode record = records.get(i);
                Map<String, String> references = new LinkedHashMap<>(table.references());
                if ("attributes".equals(table.key())) {
                    String target = attributeTarget(record, ids);
                    if (target == null) {
                        record.put(LEFT_OUT, true);
                        repairs.add(new ImportProblem(table.key(), i, text(record, "id"), "link_entity",
                                "unknown link_entity '" + text(record, "link_entity") + "' (expected one of "
                                        + HsdsTables.ATTRIBUTE_LINKS.keySet() + "); the attribute is left out"));
                        continue;
                    }
                    references.put("link_id", target);
                }
                for (Map.Entry<String, String> reference : references.entrySet()) {
                    String value = text(record, reference.getKey());
                    if (value != null && !ids.getOrDefault(reference.getValue(), Set.of()).contains(value)) {
                        outside.computeIfAbsent(reference.getValue(), k -> new HashSet<>()).add(value);
                        pending.add(new PendingReference(table.key(), i, text(record, table.idField()),
                                reference.getKey(), reference.getValue(), value));
                    }
                }
            }
        }
        // Pass two: those may still exist in the database from an earlier import.
        Map<String, Set<String>> inDatabase = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : outside.entrySet()) {
            HsdsTable target = HsdsTables.byKey(entry.getKey()).orElseThrow();
            inDatabase.put(entry.getKey(), stored.existing(target.table(), entry.getValue()));
        }
        for (PendingReference reference : pending) {
            if (inDatabase.getOrDefault(reference.target(), Set.of()).contains(reference.value())) {
                continue;
            }
            String missing = "refers to " + reference.target() + " id " + reference.value()
                    + ", which is neither in this dataset nor in the database";
            ObjectNode record = dataset.records(reference.table()).get(reference.index());
            if ("attributes".equals(reference.table())) {
                record.put(LEFT_OUT, true);
                repairs.add(new ImportProblem(reference.table(), reference.index(), reference.recordId(),
                        reference.field(), missing + "; the attribute is left out"));
            } else if (HsdsTables.REQUIRED_REFERENCES.getOrDefault(reference.table(), Set.of())
                    .contains(reference.field())) {
                problems.add(new ImportProblem(reference.table(), reference.index(), reference.recordId(),
                        reference.field(), missing));
            } else {
                record.putNull(reference.field());
                repairs.add(new ImportProblem(reference.table(), reference.index(), reference.recordId(),
                        reference.field(), missing + "; the link is left empty"));
            }
        }
        if (!dataset.records("attributes").isEmpty()) {
            dataset.records("attributes").removeIf(attribute -> attribute.has(LEFT_OUT));
        }
    }

    /** Marks an attribute to leave out once every reference has been checked (positions stay stable until then). */
    private static final String LEFT_OUT = "\u0000left-out";

    /** An attribute's link_entity names the table of link_id; when absent, the table holding that id decides. */
    private static String attributeTarget(ObjectNode attribute, Map<String, Set<String>> ids) {
        String entity = text(attribute, "link_entity");
        if (entity != null) {
            return HsdsTables.ATTRIBUTE_LINKS.get(entity);
        }
        String linkId = text(attribute, "link_id");
        return HsdsTables.ATTRIBUTE_LINKS.values().stream()
                .filter(key -> ids.getOrDefault(key, Set.of()).contains(linkId))
                .findFirst().orElse("services");
    }


    private static String fieldOf(ValidationMessage message) {
        if (message.getProperty() != null) {
            return message.getProperty();
        }
        // "$.organization_id" or "/organization_id" → "organization_id"
        return message.getInstanceLocation().toString().replaceFirst("^[$/]\\.?", "").replace('/', '.');
    }

    static String text(ObjectNode record, String field) {
        if (field == null) {
            return null;
        }
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private record PendingReference(String table, int index, String recordId, String field, String target,
                                    String value) {
    }

    private static final class Problems {
        private final List<ImportProblem> list = new ArrayList<>();

        void add(ImportProblem problem) {
            if (!full()) {
                list.add(problem);
            }
        }

        boolean full() {
            return list.size() >= MAX_PROBLEMS;
        }
    }
}
