package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HSDS 3.0 dataset in tabular JSON: one array of records per table, plus scalar metadata. */
record HsdsDataset(Map<String, List<ObjectNode>> tables, List<String> skippedTables) {

    List<ObjectNode> records(String key) {
        return tables.getOrDefault(key, List.of());
    }

    int size() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Reads tabular JSON record by record, so the record limit holds before memory runs out: one array per table,
     * scalar members are metadata.
     */
    static HsdsDataset parse(InputStream in, ImportLimits limits) {
        ImportLimits.ReadBudget budget = limits.budget();
        ObjectMapper mapper = limits.jsonReader();
        try (JsonParser parser = mapper.createParser(budget.counted(in))) {
            return read(parser, mapper, budget);
        } catch (IOException e) {
            throw refusal(e, limits);
        }
    }

    /** A dataset from its tabular JSON root (a data package's tables, typed from CSV). */
    static HsdsDataset of(ObjectNode root, ImportLimits limits) {
        ObjectMapper mapper = limits.jsonReader();
        try (JsonParser parser = root.traverse(mapper)) {
            return read(parser, mapper, limits.budget());
        } catch (IOException e) {
            throw refusal(e, limits);
        }
    }

    private static HsdsDataset read(JsonParser parser, ObjectMapper mapper, ImportLimits.ReadBudget budget)
            throws IOException {
        Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile(
                    "expected a JSON object with one array per HSDS table")));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = HsdsTables.canonicalKey(parser.currentName());
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                parser.skipChildren(); // dataset metadata such as hsds_version or profile
                continue;
            }
            if (HsdsTables.SKIPPED.contains(key) || HsdsTables.byKey(key).isEmpty()) {
                if (HsdsTables.SKIPPED.contains(key)) {
                    skipped.add(key);
                } else {
                    problems.add(new ImportProblem(key, -1, null, null, "unknown table"));
                }
                parser.skipChildren();
                continue;
            }
            if (tables.containsKey(key)) {
                problems.add(new ImportProblem(key, -1, null, null, "the table is given twice (also as '"
                        + parser.currentName() + "')"));
            }
            List<ObjectNode> records = new ArrayList<>();
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                budget.record();
                JsonNode record = mapper.readTree(parser);
                if (record instanceof ObjectNode object) {
                    records.add(object);
                } else {
                    problems.add(new ImportProblem(key, i, null, null, "record is not a JSON object"));
                }
            }
            tables.put(key, records);
        }
        if (parser.nextToken() != null) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("more JSON after the dataset's end")));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new HsdsDataset(tables, skipped);
    }

    /** A JSON document read within the limits; what cannot be read is refused with one line saying why. */
    static JsonNode readJson(InputStream in, ImportLimits limits) {
        try {
            return limits.jsonReader().readTree(in);
        } catch (IOException e) {
            throw refusal(e, limits);
        }
    }

    private static ImportRejectedException refusal(IOException e, ImportLimits limits) {
        if (e instanceof StreamConstraintsException beyond) {
            return limits.refusal(beyond);
        }
        if (e instanceof JsonProcessingException malformed) {
            String where = malformed.getLocation() == null ? "" : " at line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr();
            return new ImportRejectedException(List.of(ImportProblem.ofFile("malformed JSON" + where + ": "
                    + malformed.getOriginalMessage())));
        }
        return new ImportRejectedException(List.of(ImportProblem.ofFile("could not read the file: " + e.getMessage())));
    }
}
