package be.venpmg.nestkaart.interop;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.kernel.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a sheet a network keeps in a spreadsheet (CSV, one listing per row) as an HSDS dataset, by the column mapping
 * in {@code interop/spreadsheet-columns.json} (documented there and in the README), so it is checked, reported and
 * written like any other import. Organisations and vocabulary terms are found in the database by id, name or code.
 */
@Singleton
class SpreadsheetReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = "classpath:interop/spreadsheet-columns.json";
    private static final Pattern LIST = Pattern.compile("\\s*[|;]\\s*");
    private static final Set<String> YES = Set.of("ja", "yes", "true", "waar", "1", "j", "y");
    private static final Set<String> NO = Set.of("nee", "no", "false", "onwaar", "0", "n");
    private static final String PUBLICATION_STATUS = "publicatiestatus";

    private final JsonNode mapping;
    private final ImportLimits limits;
    private final HsdsProfile profile;
    private final JdbcOperations jdbc;
    private final PostalCodeDirectory postalCodes;
    private final HsdsRecords records;

    SpreadsheetReader(Resources resources, ImportLimits limits, HsdsProfile profile, JdbcOperations jdbc,
                      PostalCodeDirectory postalCodes, HsdsRecords records) {
        try (InputStream in = resources.open(MAPPING).orElseThrow()) {
            this.mapping = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.limits = limits;
        this.profile = profile;
        this.jdbc = jdbc;
        this.postalCodes = postalCodes;
        this.records = records;
    }

    static boolean isSpreadsheet(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The sheets there are: organizations, services, locations, professionals. */
    List<String> sheets() {
        List<String> sheets = new ArrayList<>();
        mapping.properties().forEach(e -> {
            if (e.getValue().has("table")) {
                sheets.add(e.getKey());
            }
        });
        return sheets;
    }

    /** @param sheet which sheet the file is; null: the one the file name names (nestkaart-services-….csv) */
    @ReadOnly
    HsdsDataset read(Path file, String sheet) throws IOException {
        String name = sheet != null ? sheet : sheetNamedBy(file.getFileName().toString());
        JsonNode spec = mapping.path(name);
        if (!spec.has("table")) {
            throw new ImportRejectedException(List.of(ImportProblem.ofFile("which sheet is " + file.getFileName()
                    + "? Name it after the sheet (organisaties, aanbod, locaties, hulpverleners) or give --sheet "
                    + String.join("|", sheets()))));
        }
        HsdsTable table = HsdsTables.table(spec.get("table").asText());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset(); // Excel writes a byte order mark, other tools do not
            }
            reader.mark(1_000_000);
            String header = Optional.ofNullable(reader.readLine()).orElse("");
            reader.reset();
            char separator = count(header, ';') > count(header, ',') ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).get();
            try (CSVParser parser = format.parse(limits.csvRecords(reader))) {
                return new Sheet(name, spec, table).read(parser);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportRejectedException(List.of(ImportProblem.ofFile("malformed CSV: " + e.getMessage())));
            }
        }
    }

    private String sheetNamedBy(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String sheet : sheets()) {
            for (JsonNode word : mapping.path(sheet).path("file_names")) {
                if (lower.contains(word.asText())) {
                    return sheet;
                }
            }
        }
        return "";
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** One sheet being read: its columns resolved once, then row by row into records. */
    private final class Sheet {
        private final String name;
        private final JsonNode spec;
        private final HsdsTable table;
        private final JsonNode properties;
        private final List<ImportProblem> problems = new ArrayList<>();
        private final Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        private final Map<String, Optional<String>> organizations = new HashMap<>();
        private final Map<String, Optional<String>> terms = new HashMap<>();

        Sheet(String name, JsonNode spec, HsdsTable table) {
            this.name = name;
            this.spec = spec;
            this.table = table;
            this.properties = profile.schemaOf(table).path("properties");
        }

        HsdsDataset read(CSVParser parser) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            ImportLimits.ReadBudget budget = limits.budget();
            String status = columns.keySet().stream().filter(h -> h.strip().equalsIgnoreCase(PUBLICATION_STATUS))
                    .findFirst().orElse(null);
            List<String> unpublished = new ArrayList<>();
            for (CSVRecord row : parser) {
                budget.record();
                String publication = status == null || !row.isSet(status) ? "" : row.get(status).strip();
                if (!publication.isEmpty() && !publication.equals("published")) {
                    // An import publishes what it writes: an archived or draft listing is changed in the editor.
                    unpublished.add(row.isSet("id") ? row.get("id") : "row " + row.getRecordNumber());
                    continue;
                }
                row(row, columns, (int) row.getRecordNumber() - 1);
            }
            if (!problems.isEmpty()) {
                throw new ImportRejectedException(problems);
            }
            ObjectNode root = JSON.createObjectNode();
            tables.forEach((key, list) -> root.putArray(key).addAll(withStoredFields(HsdsTables.table(key), list)));
            HsdsDataset dataset = HsdsDataset.of(root, limits);
            if (!unpublished.isEmpty()) {
                dataset.skippedTables().add(name + ": " + unpublished.size() + " row(s) of listings that are not "
                        + "published, left out (change them in the editor): " + unpublished);
            }
            return dataset;
        }

        /** A sheet has some of a listing's fields: the others keep what is stored, or take the sheet's defaults. */
        private List<ObjectNode> withStoredFields(HsdsTable of, List<ObjectNode> read) {
            Map<String, ObjectNode> stored = records.stored(of, read.stream()
                    .map(r -> r.get(of.idField()).asText()).toList());
            return read.stream().map(r -> {
                ObjectNode before = stored.get(r.get(of.idField()).asText());
                if (before != null) {
                    return before.deepCopy().setAll(r);
                }
                if (of.equals(table)) {
                    spec.path("defaults").properties().forEach(d -> {
                        if (!r.has(d.getKey())) {
                            put(r, d.getKey(), d.getValue().asText(), properties.path(d.getKey()));
                        }
                    });
                }
                return r;
            }).toList();
        }

        /** Header → what it fills; an unknown header is refused, so a misspelt column is not silently lost. */
        private Map<String, String> columns(List<String> headers) {
            Map<String, String> columns = new LinkedHashMap<>();
            Set<String> ignoredEverywhere = new java.util.HashSet<>();
            mapping.path("ignored_everywhere").forEach(h -> ignoredEverywhere.add(h.asText()));
            for (String header : headers) {
                String key = header.strip().toLowerCase(Locale.ROOT);
                JsonNode mapped = spec.path("columns").path(key);
                if (mapped.isTextual()) {
                    columns.put(header, mapped.asText());
                } else if (ignoredEverywhere.contains(key)) {
                    columns.put(header, "@ignored");
                } else if (table.fields().contains(key)) {
                    columns.put(header, key);
                } else {
                    problems.add(new ImportProblem(name, -1, null, header, "unknown column; known: "
                            + String.join(", ", known())));
                }
            }
            return columns;
        }

        private List<String> known() {
            List<String> known = new ArrayList<>();
            spec.path("columns").fieldNames().forEachRemaining(known::add);
            known.addAll(table.fields());
            return known;
        }

        private void row(CSVRecord row, Map<String, String> columns, int index) {
            ObjectNode record = JSON.createObjectNode();
            ObjectNode address = JSON.createObjectNode();
            Map<String, String> termCells = new LinkedHashMap<>();
            columns.forEach((header, target) -> {
                String cell = row.isSet(header) ? undefused(row.get(header)) : "";
                if (cell.isEmpty() || target.equals("@ignored")) {
                    return;
                }
                if (target.equals("@organization")) {
                    organization(cell).ifPresentOrElse(id -> record.put(organizationField(), id),
                            () -> problems.add(new ImportProblem(name, index, null, header,
                                    "no organisation with this id or name: '" + cell + "'")));
                } else if (target.startsWith("@terms ")) {
                    termCells.put(target.substring("@terms ".length()), cell);
                } else if (target.startsWith("address.")) {
                    address.put(target.substring("address.".length()), cell);
                } else {
                    put(record, target, cell, properties.path(target));
                }
            });
            if (!record.hasNonNull("id")) {
                record.put("id", stableId(name, naturalKey(record)));
            }
            String id = record.get("id").asText();
            add(table.key(), record);
            if (!address.isEmpty()) {
                address(id, address, index);
            }
            termCells.forEach((taxonomy, cell) -> {
                for (String term : LIST.split(cell)) {
                    term(taxonomy, term).ifPresentOrElse(termId -> add("attributes", attribute(id, taxonomy, termId)),
                            () -> problems.add(new ImportProblem(name, index, id, taxonomy,
                                    "no term '" + term + "' in " + taxonomy)));
                }
            });
        }

        private String organizationField() {
            return table.key().equals("organizations") ? "parent_organization_id" : "organization_id";
        }

        private String naturalKey(ObjectNode record) {
            return String.join("|", record.path("organization_id").asText(), record.path("name").asText(),
                    record.path("given_name").asText(), record.path("family_name").asText());
        }

        private void address(String locationId, ObjectNode cells, int index) {
            String postalCode = cells.path("postal_code").asText(null);
            Optional<PostalPlace> place = postalCode == null ? Optional.empty()
                    : postalCodes.resolve(postalCode, cells.path("city").asText(null));
            if (place.isEmpty()) {
                problems.add(new ImportProblem(name, index, locationId, "postcode",
                        "not a Belgian postcode: '" + (postalCode == null ? "" : postalCode) + "'"));
                return;
            }
            ObjectNode address = cells.deepCopy();
            address.put("id", existingAddress(locationId).orElse(stableId("address", locationId)));
            address.put("location_id", locationId);
            if (!address.has("address_1")) {
                address.put("address_1", "");
            }
            if (!address.has("city")) {
                address.put("city", place.get().locality());
            }
            address.put("state_province", place.get().province());
            address.put("country", "BE");
            address.put("address_type", "physical");
            add("addresses", address);
        }

        private ObjectNode attribute(String linkId, String taxonomy, String termId) {
            String entity = table.key().equals("organizations") ? "organization"
                    : table.key().equals("services") ? "service" : table.key().equals("locations") ? "location"
                    : "professional";
            ObjectNode attribute = JSON.createObjectNode();
            attribute.put("id", existingAttribute(linkId, termId).orElse(stableId("attribute", linkId + "|" + termId)));
            attribute.put("link_id", linkId);
            attribute.put("link_type", taxonomy);
            attribute.put("link_entity", entity);
            attribute.put("taxonomy_term_id", termId);
            return attribute;
        }

        private void add(String key, ObjectNode record) {
            tables.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }

        private Optional<String> organization(String idOrName) {
            return organizations.computeIfAbsent(idOrName.toLowerCase(Locale.ROOT), key -> single(
                    "SELECT id FROM organization WHERE id = ? OR LOWER(name) = ? ORDER BY id = ? DESC, id LIMIT 2",
                    idOrName, key, idOrName));
        }

        private Optional<String> term(String taxonomy, String nameOrCode) {
            String key = nameOrCode.toLowerCase(Locale.ROOT);
            // The same vocabulary may be loaded twice (seed and a network's own dataset): the first term is taken.
            return terms.computeIfAbsent(taxonomy + "|" + key, k -> first("SELECT id FROM taxonomy_term WHERE "
                    + "taxonomy = ? AND (LOWER(name) = ? OR LOWER(code) = ? OR id = ?) ORDER BY id LIMIT 1",
                    taxonomy, key, key, nameOrCode));
        }

        private Optional<String> existingAddress(String locationId) {
            return first("SELECT id FROM address WHERE location_id = ? ORDER BY id LIMIT 1", locationId);
        }

        private Optional<String> existingAttribute(String linkId, String termId) {
            return first("SELECT id FROM attribute WHERE link_id = ? AND taxonomy_term_id = ? ORDER BY id LIMIT 1",
                    linkId, termId);
        }

        /** The one row's id; none when there is none or (names being ambiguous) more than one. */
        private Optional<String> single(String sql, Object... parameters) {
            List<String> found = ids(sql, parameters);
            return found.size() == 1 || found.size() > 1 && found.get(0).equals(parameters[0])
                    ? Optional.of(found.get(0)) : Optional.empty();
        }

        private Optional<String> first(String sql, Object... parameters) {
            return ids(sql, parameters).stream().findFirst();
        }

        private List<String> ids(String sql, Object... parameters) {
            return jdbc.prepareStatement(sql, statement -> {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
        }
    }

    /** A cell as typed by the field's schema; text that is not of that type stays text, for the check to name. */
    private static void put(ObjectNode record, String field, String cell, JsonNode schema) {
        String value = cell.strip();
        switch (schema.path("type").asText("string")) {
            case "integer", "number" -> {
                try {
                    BigDecimal number = new BigDecimal(value.replace(',', '.'));
                    record.put(field, number.stripTrailingZeros().scale() <= 0
                            ? JSON.getNodeFactory().numberNode(number.toBigIntegerExact())
                            : JSON.getNodeFactory().numberNode(number));
                } catch (NumberFormatException | ArithmeticException notANumber) {
                    record.put(field, value);
                }
            }
            case "boolean" -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (YES.contains(lower) || NO.contains(lower)) {
                    record.put(field, YES.contains(lower));
                } else {
                    record.put(field, value);
                }
            }
            default -> record.put(field, "date-time".equals(schema.path("format").asText())
                    && value.matches("\\d{4}-\\d{2}-\\d{2}") ? value + "T00:00:00Z" : value);
        }
    }

    /** Nestkaart's export puts an apostrophe before a cell a spreadsheet would run as a formula. */
    private static String undefused(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String stableId(String kind, String key) {
        return UUID.nameUUIDFromBytes(("nestkaart-spreadsheet:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
