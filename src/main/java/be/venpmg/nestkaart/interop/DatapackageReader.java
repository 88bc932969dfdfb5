package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads an HSDS tabular data package (datapackage.json plus one CSV per table, as a zip or a folder) into the same
 * records tabular JSON gives, typing each cell by the field types the descriptor declares. An empty unquoted cell is
 * a missing value; a quoted empty cell is empty text.
 */
final class DatapackageReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatapackageReader() {
    }

    static boolean isDatapackage(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isDirectory(file) || name.endsWith(".zip") || name.equals(HsdsExporter.DATAPACKAGE);
    }

    static HsdsDataset read(Path file, ImportLimits limits) throws IOException {
        ImportLimits.ReadBudget budget = limits.budget();
        if (Files.isDirectory(file) || file.getFileName().toString().equals(HsdsExporter.DATAPACKAGE)) {
            Path folder = Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
            return read(path -> {
                Path member = path.equals(HsdsExporter.DATAPACKAGE) ? followLink(folder, folder.resolve(path))
                        : folder.resolve(path);
                return Files.exists(member) ? Files.newInputStream(member) : null;
            }, limits, budget);
        }
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return read(path -> {
                ZipEntry entry = zip.getEntry(path);
                return entry == null ? null : budget.counted(zip.getInputStream(entry));
            }, limits, budget);
        }
    }

    /**
     * HSDS's own {@code examples/csv/datapackage.json} is a symbolic link in git; checked out without link support
     * it is a text file naming its target ({@code ../../datapackage.json}). Such a file is followed once.
     */
    private static Path followLink(Path folder, Path descriptor) throws IOException {
        if (Files.isRegularFile(descriptor) && Files.size(descriptor) < 256) {
            String target = Files.readString(descriptor, StandardCharsets.UTF_8).strip();
            if (target.matches("[\\w./-]*/" + java.util.regex.Pattern.quote(HsdsExporter.DATAPACKAGE))) {
                return folder.resolve(target).normalize();
            }
        }
        return descriptor;
    }

    private interface Entries {
        /** The named member, or null when the package has none. */
        InputStream open(String path) throws IOException;
    }

    private static HsdsDataset read(Entries entries, ImportLimits limits, ImportLimits.ReadBudget budget)
            throws IOException {
        JsonNode descriptor;
        try (InputStream in = entries.open(HsdsExporter.DATAPACKAGE)) {
            if (in == null) {
                throw rejected("no " + HsdsExporter.DATAPACKAGE + " in the package");
            }
            descriptor = HsdsDataset.readJson(in, limits);
        }
        // The tables, typed, are written as tabular JSON to a temporary file as they are read, and spooled from
        // there like any tabular JSON: memory holds one record at a time.
        Path typed = Files.createTempFile("nestkaart-import-", ".json");
        try {
            List<String> absent = new ArrayList<>();
            try (JsonGenerator json = MAPPER.createGenerator(Files.newOutputStream(typed))) {
                json.writeStartObject();
                List<ImportProblem> problems = new ArrayList<>();
                for (JsonNode resource : descriptor.path("resources")) {
                    String name = resource.path("name").asText();
                    String path = resource.path("path").asText();
                    try (InputStream in = entries.open(path)) {
                        if (in == null) {
                            // HSDS publishes its descriptor on its own, without data: a table without a file is empty.
                            absent.add(name + " (no file " + path + ")");
                            continue;
                        }
                        json.writeArrayFieldStart(name);
                        records(name, resource.path("schema").path("fields"),
                                limits.csvRecords(new InputStreamReader(in, StandardCharsets.UTF_8)), budget, problems,
                                record -> write(json, record));
                        json.writeEndArray();
                    }
                }
                if (!problems.isEmpty()) {
                    throw new ImportRejectedException(problems);
                }
                json.writeEndObject();
            }
            HsdsDataset dataset = HsdsDataset.of(typed, limits);
            dataset.skippedTables().addAll(absent);
            return dataset;
        } finally {
            Files.deleteIfExists(typed);
        }
    }

    private static void write(JsonGenerator json, ObjectNode record) {
        try {
            MAPPER.writeTree(json, record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the data package to a temporary file", e);
        }
    }

    private static void records(String table, JsonNode fields, Reader reader, ImportLimits.ReadBudget budget,
                                List<ImportProblem> problems, Consumer<ObjectNode> sink) throws IOException {
        Map<String, String> types = new HashMap<>();
        fields.forEach(field -> types.put(field.path("name").asText(), field.path("type").asText("string")));
        try (CSVParser parser = HsdsExporter.CSV.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                budget.record();
                ObjectNode record = MAPPER.createObjectNode();
                for (String column : parser.getHeaderNames()) {
                    String cell = row.isSet(column) ? row.get(column) : null;
                    if (cell == null) {
                        continue;
                    }
                    try {
                        put(record, column, types.getOrDefault(column, "string"), cell);
                    } catch (IllegalArgumentException e) {
                        problems.add(new ImportProblem(table, (int) row.getRecordNumber() - 1, row.isSet("id")
                                ? row.get("id") : null, column, "not a valid " + types.get(column) + ": '" + cell + "'"));
                    }
                }
                sink.accept(record);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(new ImportProblem(table, -1, null, null, "malformed CSV: " + e.getMessage()));
        }
    }

    private static void put(ObjectNode record, String field, String type, String cell) {
        switch (type) {
            case "integer" -> record.put(field, Long.parseLong(cell.trim()));
            case "number" -> record.put(field, new BigDecimal(cell.trim()));
            case "boolean" -> {
                String value = cell.trim().toLowerCase(java.util.Locale.ROOT);
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException(cell);
                }
                record.put(field, Boolean.parseBoolean(value));
            }
            default -> record.put(field, cell);
        }
    }

    private static ImportRejectedException rejected(String message) {
        return new ImportRejectedException(List.of(ImportProblem.ofFile(message)));
    }
}
