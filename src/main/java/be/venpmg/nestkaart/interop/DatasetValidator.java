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

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

import java.util.ArrayList;
import java.util.BitSet;
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
    private final Map<String, Set<String>> textFieldsByTable = new ConcurrentHashMap<>();

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

    /**
     * What a dataset needs before it may be written: refusals stop it; repairs are reported, and made to each record
     * as it is written ({@link #asWritten}), since the records are read again from the spool then.
     */
    final class Outcome {
        private final List<ImportProblem> refusals;
        private final List<ImportProblem> repairs;
        private final Map<String, Map<Integer, List<String>>> emptiedLinks;
        private final Map<String, BitSet> leftOut;
        private final Map<String, Map<String, String>> parents;

        private Outcome(Problems refusals, Problems repairs, Decisions decisions) {
            this.refusals = refusals.list;
            this.repairs = repairs.list;
            this.emptiedLinks = decisions.emptiedLinks;
            this.leftOut = decisions.leftOut;
            this.parents = decisions.parents;
        }

        List<ImportProblem> refusals() {
            return refusals;
        }

        List<ImportProblem> repairs() {
            return repairs;
        }

        /** The record as it is to be written, with every repair made; null when it is left out. */
        ObjectNode asWritten(HsdsTable table, int index, ObjectNode record) {
            if (leftOut.getOrDefault(table.key(), EMPTY).get(index)) {
                return null;
            }
            repairAlone(table, index, record, Problems.UNREPORTED);
            emptiedLinks.getOrDefault(table.key(), Map.of()).getOrDefault(index, List.of())
                    .forEach(record::putNull);
            return record;
        }

        /** Record id → parent id, for a table that refers to itself; those parents are written before children. */
        Map<String, String> parents(HsdsTable table) {
            return parents.getOrDefault(table.key(), Map.of());
        }
    }

    private static final BitSet EMPTY = new BitSet();

    /** Repairs decided from other records (a reference that points nowhere), by table and position. */
    private static final class Decisions {
        final Map<String, Map<Integer, List<String>>> emptiedLinks = new HashMap<>();
        final Map<String, BitSet> leftOut = new HashMap<>();
        final Map<String, Map<String, String>> parents = new HashMap<>();
        /** Where each record of a self-referencing table stands in it, for the problems. */
        final Map<String, Map<String, Integer>> positions = new HashMap<>();

        void emptyLink(String table, int index, String field) {
            emptiedLinks.computeIfAbsent(table, k -> new HashMap<>()).computeIfAbsent(index, k -> new ArrayList<>())
                    .add(field);
        }

        void leaveOut(String table, int index) {
            leftOut.computeIfAbsent(table, k -> new BitSet()).set(index);
        }
    }

    /**
     * Reads the dataset three times at most, each record on its own: its own checks (schema, duplicate ids, text,
     * links, coordinates), then its references against the ids of the whole dataset (those it lacks are asked of the
     * database at once), then, only when some point nowhere, again to decide what each such record loses.
     */
    Outcome validate(HsdsDataset dataset, Stored stored) {
        Problems problems = new Problems();
        Problems repairs = new Problems();
        Decisions decisions = new Decisions();
        Map<String, DatasetIds> ids = new HashMap<>();
        for (HsdsTable table : HsdsTables.ALL) {
            DatasetIds tableIds = new DatasetIds();
            ids.put(table.key(), tableIds);
            String selfReference = selfReference(table);
            Map<String, String> parents = new LinkedHashMap<>();
            Map<String, Integer> positions = new HashMap<>();
            if (selfReference != null) {
                decisions.parents.put(table.key(), parents);
                decisions.positions.put(table.key(), positions);
            }
            // HSDS's schema with the profile's fields, so those are checked too (a waiting time in words is refused).
            JsonSchema schema = schema(table);
            dataset.forEach(table.key(), (i, record) -> {
                String id = text(record, table.idField());
                if (selfReference != null && id != null) {
                    parents.putIfAbsent(id, text(record, selfReference));
                    positions.putIfAbsent(id, i);
                }
                if (problems.full()) {
                    return;
                }
                textWhereTextIsDue(table, i, id, record, repairs);
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
                checkCoordinates(table, i, id, record, repairs);
            });
        }
        checkReferences(dataset, ids, stored, problems, repairs, decisions);
        checkHierarchies(decisions, stored, problems);
        return new Outcome(problems, repairs, decisions);
    }

    private JsonSchema schema(HsdsTable table) {
        return schemas.computeIfAbsent(table.schema(), location -> schemaFactory.getSchema(
                SchemaLocation.of(location), profile.schemaOf(table), schemaConfig));
    }

    /** The repairs a record needs whatever the rest of the dataset holds. */
    private void repairAlone(HsdsTable table, int index, ObjectNode record, Problems repairs) {
        String id = text(record, table.idField());
        textWhereTextIsDue(table, index, id, record, repairs);
        checkCoordinates(table, index, id, record, repairs);
    }

    private static String selfReference(HsdsTable table) {
        return table.references().entrySet().stream().filter(e -> e.getValue().equals(table.key()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** A number or true/false where the schema wants text (HSDS's example has a numeric external_identifier). */
    private void textWhereTextIsDue(HsdsTable table, int index, String id, ObjectNode record, Problems repairs) {
        for (String field : textFieldsByTable.computeIfAbsent(table.key(), key -> textFields(schema(table)))) {
            JsonNode value = record.get(field);
            if (value != null && (value.isNumber() || value.isBoolean())) {
                record.put(field, value.asText());
                repairs.add(new ImportProblem(table.key(), index, id, field,
                        "was " + value + ", a " + (value.isNumber() ? "number" : "true/false") + "; kept as text"));
            }
        }
    }

    /** The fields whose schema type is text only (not also a number). */
    private static Set<String> textFields(JsonSchema schema) {
        Set<String> fields = new HashSet<>();
        schema.getSchemaNode().path("properties").fields().forEachRemaining(property -> {
            JsonNode type = property.getValue().path("type");
            boolean wantsText = type.isTextual() ? type.asText().equals("string")
                    : type.isArray() && type.toString().contains("\"string\"") && !type.toString().contains("\"number\"")
                    && !type.toString().contains("\"integer\"");
            if (wantsText) {
                fields.add(property.getKey());
            }
        });
        return fields;
    }

    /**
     * A term's parent, an organisation's parent organisation: following parents must end, never come back to where
     * it began. A record that is its own parent or ancestor, in the dataset or through records stored earlier, is
     * refused (pages and the taxonomy tree would loop).
     */
    private static void checkHierarchies(Decisions decisions, Stored stored, Problems problems) {
        for (HsdsTable table : HsdsTables.ALL) {
            Map<String, String> parents = decisions.parents.get(table.key());
            if (parents == null) {
                continue;
            }
            String field = selfReference(table);
            Set<String> endsWell = new HashSet<>();
            for (String id : parents.keySet()) {
                if (problems.full()) {
                    return;
                }
                List<String> chain = ancestry(id, parents, endsWell,
                        child -> stored.parent(table.table(), table.column(field), child));
                if (chain != null) {
                    problems.add(new ImportProblem(table.key(), decisions.positions.get(table.key()).get(id), id,
                            field, chain.size() == 2
                            ? "is its own parent" : "its parents form a loop: " + String.join(" → ", chain)));
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

    private void checkCoordinates(HsdsTable table, int index, String id, ObjectNode location, Problems repairs) {
        if (!"locations".equals(table.key())) {
            return;
        }
        JsonNode lat = location.get("latitude");
        JsonNode lon = location.get("longitude");
        boolean hasLat = lat != null && !lat.isNull();
        boolean hasLon = lon != null && !lon.isNull();
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
            repairs.add(new ImportProblem("locations", index, id, hasLat ? "latitude" : "longitude",
                    why + "; left out (the postal code gives coordinates where it can)"));
        }
    }

    private void checkReferences(HsdsDataset dataset, Map<String, DatasetIds> ids, Stored stored,
                                 Problems problems, Problems repairs, Decisions decisions) {
        // References not satisfied by the dataset itself, grouped by target table, are looked up in the database
        // (an earlier import may have brought them); only when some exist nowhere is the dataset read once more.
        Map<String, Set<String>> outside = new LinkedHashMap<>();
        forEachReference(dataset, ids, repairs, decisions, (table, index, record, field, target, value) ->
                outside.computeIfAbsent(target, k -> new HashSet<>()).add(value));
        Map<String, Set<String>> missing = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : outside.entrySet()) {
            HsdsTable target = HsdsTables.byKey(entry.getKey()).orElseThrow();
            Set<String> absent = new HashSet<>(entry.getValue());
            absent.removeAll(stored.existing(target.table(), entry.getValue()));
            if (!absent.isEmpty()) {
                missing.put(entry.getKey(), absent);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        forEachReference(dataset, ids, Problems.UNREPORTED, new Decisions(), (table, index, record, field, target,
                                                                           value) -> {
            if (!missing.getOrDefault(target, Set.of()).contains(value)) {
                return;
            }
            String id = text(record, table.idField());
            String why = "refers to " + target + " id " + value + ", which is neither in this dataset nor in the database";
            if ("attributes".equals(table.key())) {
                decisions.leaveOut(table.key(), index);
                repairs.add(new ImportProblem(table.key(), index, id, field, why + "; the attribute is left out"));
            } else if (HsdsTables.REQUIRED_REFERENCES.getOrDefault(table.key(), Set.of()).contains(field)) {
                problems.add(new ImportProblem(table.key(), index, id, field, why));
            } else {
                decisions.emptyLink(table.key(), index, field);
                repairs.add(new ImportProblem(table.key(), index, id, field, why + "; the link is left empty"));
            }
        });
    }

    /**
     * Gives each reference of the dataset that its own records do not satisfy. An attribute whose link_entity names
     * no table is left out here, once.
     */
    private static void forEachReference(HsdsDataset dataset, Map<String, DatasetIds> ids, Problems repairs,
                                         Decisions decisions, UnresolvedReference visitor) {
        for (HsdsTable table : HsdsTables.ALL) {
            dataset.forEach(table.key(), (i, record) -> {
                Map<String, String> references = table.references();
                if ("attributes".equals(table.key())) {
                    String target = attributeTarget(record, ids);
                    if (target == null) {
                        decisions.leaveOut(table.key(), i);
                        repairs.add(new ImportProblem(table.key(), i, text(record, "id"), "link_entity",
                                "unknown link_entity '" + text(record, "link_entity") + "' (expected one of "
                                        + HsdsTables.ATTRIBUTE_LINKS.keySet() + "); the attribute is left out"));
                        return;
                    }
                    references = new LinkedHashMap<>(references);
                    references.put("link_id", target);
                }
                for (Map.Entry<String, String> reference : references.entrySet()) {
                    String value = text(record, reference.getKey());
                    if (value != null && !ids.get(reference.getValue()).contains(value)) {
                        visitor.visit(table, i, record, reference.getKey(), reference.getValue(), value);
                    }
                }
            });
        }
    }

    @FunctionalInterface
    private interface UnresolvedReference {
        void visit(HsdsTable table, int index, ObjectNode record, String field, String target, String value);
    }

    /** An attribute's link_entity names the table of link_id; when absent, the table holding that id decides. */
    private static String attributeTarget(ObjectNode attribute, Map<String, DatasetIds> ids) {
        String entity = text(attribute, "link_entity");
        if (entity != null) {
            return HsdsTables.ATTRIBUTE_LINKS.get(entity);
        }
        String linkId = text(attribute, "link_id");
        return HsdsTables.ATTRIBUTE_LINKS.values().stream()
                .filter(key -> ids.get(key).contains(linkId))
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

    private static class Problems {
        /** Repairs made again as records are written: reported once, during the checks. */
        static final Problems UNREPORTED = new Problems() {
            @Override
            void add(ImportProblem problem) {
            }
        };

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

    /**
     * The ids of one table, exactly, held as UTF-8 bytes in Lucene's {@link BytesRefHash} (about 50 bytes per id
     * instead of 120 for a {@code HashSet<String>}): 1.3 million ids fit in 64 MB.
     */
    private static final class DatasetIds {
        /** Beyond this an id is kept as its SHA-256 (the hash takes at most 32 KB per entry; such an id is refused). */
        private static final int LONGEST_KEPT = 1_024;
        private final BytesRefHash hash = new BytesRefHash();

        /** False when the id was there already. */
        boolean add(String id) {
            return hash.add(key(id)) >= 0;
        }

        boolean contains(String id) {
            return id != null && hash.find(key(id)) >= 0;
        }

        private static BytesRef key(String id) {
            BytesRef utf8 = new BytesRef(id);
            if (utf8.length <= LONGEST_KEPT) {
                return utf8;
            }
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(java.util.Arrays.copyOfRange(utf8.bytes, utf8.offset, utf8.offset + utf8.length));
                byte[] marked = new byte[digest.length + 1];
                marked[0] = (byte) 0xFF; // never the first byte of UTF-8: no id of 33 bytes can equal it
                System.arraycopy(digest, 0, marked, 1, digest.length);
                return new BytesRef(marked);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }
    }
}
