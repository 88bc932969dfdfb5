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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HSDS 3.0 dataset in tabular JSON: one array of records per table, plus scalar metadata. The records are spooled
 * to temporary files table by table ({@link RecordSpool}), so memory does not grow with the dataset; close it to
 * delete them.
 */
final class HsdsDataset implements AutoCloseable {
    private final Map<String, RecordSpool> tables;
    private final List<String> skippedTables;

    private HsdsDataset(Map<String, RecordSpool> tables, List<String> skippedTables) {
        this.tables = tables;
        this.skippedTables = skippedTables;
    }

    /** The records of one table in the dataset's order, with their positions; read afresh on each call. */
    void forEach(String key, RecordSpool.RecordVisitor visitor) {
        RecordSpool spool = tables.get(key);
        if (spool != null) {
            spool.forEach(visitor);
        }
    }

    int count(String key) {
        RecordSpool spool = tables.get(key);
        return spool == null ? 0 : spool.size();
    }

    int size() {
        return tables.values().stream().mapToInt(RecordSpool::size).sum();
    }

    /** Tables the dataset carries that Nestkaart does not store, and other notes on what was left out (mutable). */
    List<String> skippedTables() {
        return skippedTables;
    }

    @Override
    public void close() {
        tables.values().forEach(RecordSpool::close);
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

    /** A dataset from a tabular JSON file already read within the byte limits (a data package's typed tables). */
    static HsdsDataset of(java.nio.file.Path tabularJson, ImportLimits limits) {
        ObjectMapper mapper = limits.jsonReader();
        try (JsonParser parser = mapper.createParser(tabularJson.toFile())) {
            return read(parser, mapper, limits.budget());
        } catch (IOException e) {
            throw refusal(e, limits);
        }
    }

    private static HsdsDataset read(JsonParser parser, ObjectMapper mapper, ImportLimits.ReadBudget budget)
            throws IOException {
        HsdsDataset dataset = new HsdsDataset(new LinkedHashMap<>(), new ArrayList<>());
        try {
            spool(parser, mapper, budget, dataset);
            return dataset;
        } catch (IOException | RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    private static void spool(JsonParser parser, ObjectMapper mapper, ImportLimits.ReadBudget budget,
                              HsdsDataset dataset) throws IOException {
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
                    dataset.skippedTables.add(key);
                } else {
                    problems.add(new ImportProblem(key, -1, null, null, "unknown table"));
                }
                parser.skipChildren();
                continue;
            }
            if (dataset.tables.containsKey(key)) {
                problems.add(new ImportProblem(key, -1, null, null, "the table is given twice (also as '"
                        + parser.currentName() + "')"));
                dataset.tables.remove(key).close();
            }
            RecordSpool records = new RecordSpool(mapper);
            dataset.tables.put(key, records);
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                budget.record();
                JsonNode record = mapper.readTree(parser);
                if (record instanceof ObjectNode object) {
                    records.append(object);
                } else {
                    problems.add(new ImportProblem(key, i, null, null, "record is not a JSON object"));
                }
            }
        }
        if (parser.nextToken() != null) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("more JSON after the dataset's end")));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
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
