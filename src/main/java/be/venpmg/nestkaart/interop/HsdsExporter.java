package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.kernel.SiteAddress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports the public dataset in the shape the importer reads: HSDS 3.0 tabular JSON, or the same tables as an HSDS
 * tabular data package (one CSV per table plus datapackage.json). Only published listings and consenting
 * professionals leave, and only records whose every reference leaves too, so the export imports on its own.
 * The output depends on the data only (no timestamps), so exporting an import of an export gives the same bytes.
 */
@Singleton
public class HsdsExporter {
    static final String DATAPACKAGE = "datapackage.json";
    /** Quoted empty text is "", an empty unquoted cell is a missing value: both survive a round trip. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HsdsRecords records;
    private final SiteAddress site;

    HsdsExporter(HsdsRecords records, SiteAddress site) {
        this.records = records;
        this.site = site;
    }

    /** The public dataset: table key → records, in the importer's table order, empty tables left out. */
    public Map<String, List<ObjectNode>> tables() {
        Map<String, Set<String>> exportedIds = new HashMap<>();
        Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        for (HsdsTable table : HsdsTables.ALL) {
            List<ObjectNode> kept = new ArrayList<>();
            for (ObjectNode record : records.all(table)) {
                if (referencesExported(table, record, exportedIds)) {
                    kept.add(record);
                }
            }
            kept = withExportedParents(table, kept);
            Set<String> ids = new HashSet<>();
            if (table.idField() != null) {
                kept.forEach(record -> ids.add(record.get(table.idField()).asText()));
            }
            exportedIds.put(table.key(), ids);
            if (!kept.isEmpty()) {
                tables.put(table.key(), kept);
            }
        }
        return tables;
    }

    /** A record of a self-referencing table (a term's parent, a parent organisation) leaves only with its parent. */
    private static List<ObjectNode> withExportedParents(HsdsTable table, List<ObjectNode> kept) {
        String parentField = table.references().entrySet().stream().filter(e -> e.getValue().equals(table.key()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (parentField == null) {
            return kept;
        }
        List<ObjectNode> current = kept;
        while (true) {
            Set<String> ids = new HashSet<>();
            current.forEach(record -> ids.add(record.get(table.idField()).asText()));
            List<ObjectNode> next = current.stream().filter(record -> {
                String parent = DatasetValidator.text(record, parentField);
                return parent == null || ids.contains(parent);
            }).toList();
            if (next.size() == current.size()) {
                return next;
            }
            current = next;
        }
    }

    /** Writes HSDS tabular JSON (UTF-8). */
    public void writeJson(OutputStream out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("hsds_version", "3.0");
        root.put("profile", HsdsProfile.url(site.baseUrl()));
        tables().forEach((key, list) -> root.putArray(key).addAll(list));
        MAPPER.writeValue(new NonClosing(out), root);
    }

    /**
     * Every zip entry carries this time, so the same data gives the same bytes (the export time is not part of the
     * data; a reproducible package can be checked by its digest). DOS time without a time zone: 1980-01-01 00:00.
     */
    private static final java.time.LocalDateTime ZIP_ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    /** Writes the tabular data package as a zip: datapackage.json and one CSV per table. */
    public void writeDatapackage(OutputStream out) throws IOException {
        Map<String, List<ObjectNode>> tables = tables();
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        ObjectNode descriptor = MAPPER.createObjectNode();
        descriptor.put("profile", "tabular-data-package");
        descriptor.put("name", "nestkaart");
        descriptor.put("title", "Nestkaart – sociale kaart perinatale en infant mentale gezondheid (HSDS 3.0)");
        descriptor.putArray("licenses").addObject().put("name", "CC-BY-4.0")
                .put("path", "https://creativecommons.org/licenses/by/4.0/");
        descriptor.put("hsds_version", "3.0");
        descriptor.put("hsds_profile", HsdsProfile.url(site.baseUrl()));
        ArrayNode resources = descriptor.putArray("resources");
        for (Map.Entry<String, List<ObjectNode>> entry : tables.entrySet()) {
            HsdsTable table = HsdsTables.byKey(entry.getKey()).orElseThrow();
            String path = table.key() + ".csv";
            resources.add(resource(table, path, tables.keySet()));
            zip.putNextEntry(entry(path));
            writeCsv(zip, table, entry.getValue());
            zip.closeEntry();
        }
        zip.putNextEntry(entry(DATAPACKAGE));
        MAPPER.writeValue(new NonClosing(zip), descriptor);
        zip.closeEntry();
        zip.finish();
    }

    private static ZipEntry entry(String path) {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(ZIP_ENTRY_TIME);
        return entry;
    }

    private ObjectNode resource(HsdsTable table, String path, Set<String> inPackage) {
        ObjectNode resource = MAPPER.createObjectNode();
        resource.put("name", table.key());
        resource.put("path", path);
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        ObjectNode schema = resource.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        List<String> types = records.fieldTypes(table);
        for (int i = 0; i < table.fields().size(); i++) {
            fields.addObject().put("name", table.fields().get(i)).put("type", types.get(i));
        }
        schema.putArray("missingValues").add("");
        if (table.idField() != null) {
            schema.put("primaryKey", table.idField());
        }
        // Sorted (references are a Map.of), only to resources in this package, "" for a table's own rows (Frictionless),
        // and no empty list: the descriptor must be valid under the tabular-data-package profile.
        ArrayNode foreignKeys = MAPPER.createArrayNode();
        new java.util.TreeMap<>(table.references()).forEach((field, target) -> {
            if (inPackage.contains(target)) {
                foreignKeys.addObject().put("fields", field).putObject("reference")
                        .put("resource", target.equals(table.key()) ? "" : target).put("fields", "id");
            }
        });
        if (!foreignKeys.isEmpty()) {
            schema.set("foreignKeys", foreignKeys);
        }
        return resource;
    }

    private static void writeCsv(OutputStream out, HsdsTable table, List<ObjectNode> rows) throws IOException {
        Writer writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            printer.printRecord(table.fields());
            List<String> cells = new ArrayList<>(table.fields().size());
            for (ObjectNode row : rows) {
                cells.clear();
                for (String field : table.fields()) {
                    JsonNode value = row.get(field);
                    cells.add(value == null || value.isNull() ? null : value.asText());
                }
                printer.printRecord(cells);
            }
        }
    }

    private static boolean referencesExported(HsdsTable table, ObjectNode record, Map<String, Set<String>> exported) {
        if ("attributes".equals(table.key()) && !linkExported(record, exported)) {
            return false;
        }
        return referencesExported(table.references(), table.key(), record, exported);
    }

    /** An attribute leaves with the record it describes; without link_entity the importer finds it by id, so here. */
    private static boolean linkExported(ObjectNode attribute, Map<String, Set<String>> exported) {
        String linkId = DatasetValidator.text(attribute, "link_id");
        String entity = DatasetValidator.text(attribute, "link_entity");
        if (entity == null) {
            return HsdsTables.ATTRIBUTE_LINKS.values().stream()
                    .anyMatch(key -> exported.getOrDefault(key, Set.of()).contains(linkId));
        }
        String target = HsdsTables.ATTRIBUTE_LINKS.get(entity);
        return target != null && exported.getOrDefault(target, Set.of()).contains(linkId);
    }

    private static boolean referencesExported(Map<String, String> references, String key, ObjectNode record,
                                              Map<String, Set<String>> exported) {
        for (Map.Entry<String, String> reference : references.entrySet()) {
            String value = DatasetValidator.text(record, reference.getKey());
            if (value != null && !reference.getValue().equals(key)
                    && !exported.getOrDefault(reference.getValue(), Set.of()).contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** Lets writers and printers be closed without closing the stream they write into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
