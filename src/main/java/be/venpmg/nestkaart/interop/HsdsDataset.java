package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    List<ObjectNode> records(String key) {
        return tables.getOrDefault(key, List.of());
    }

    int size() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    static HsdsDataset parse(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("could not read the file: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile(
                    "expected a JSON object with one array per HSDS table")));
        }
        return of((ObjectNode) root);
    }

    /** A dataset from its tabular JSON root: one array per table; scalar members are metadata. */
    static HsdsDataset of(ObjectNode root) {
        Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (!value.isArray()) {
                continue; // dataset metadata such as hsds_version or profile
            }
            if (HsdsTables.SKIPPED.contains(key)) {
                skipped.add(key);
                continue;
            }
            if (HsdsTables.byKey(key).isEmpty()) {
                problems.add(new ImportProblem(key, -1, null, null, "unknown table"));
                continue;
            }
            List<ObjectNode> records = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode record = value.get(i);
                if (record instanceof ObjectNode object) {
                    records.add(object);
                } else {
                    problems.add(new ImportProblem(key, i, null, null, "record is not a JSON object"));
                }
            }
            tables.put(key, records);
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new HsdsDataset(tables, skipped);
    }
}
