package be.venpmg.nestkaart.interop;

import java.util.List;
import java.util.Map;

/**
 * How one table of an HSDS tabular JSON dataset maps onto the database.
 *
 * @param key        the array's name in the dataset ("services")
 * @param table      the database table
 * @param schema     the JSON Schema each record must satisfy (classpath location)
 * @param idField    the record's identifier field, or null for tables keyed otherwise
 * @param fields     the record fields stored, in column order
 * @param columns    where a column name differs from the field name (field → column)
 * @param references field → the dataset key of the table it must refer to
 * @param listing    the listing type for audit and index (organization, service, ...), or null
 */
record HsdsTable(String key, String table, String schema, String idField, List<String> fields,
                 Map<String, String> columns, Map<String, String> references, String listing) {

    String column(String field) {
        return columns.getOrDefault(field, field);
    }

    HsdsTable withColumns(Map<String, String> renamed) {
        return new HsdsTable(key, table, schema, idField, fields, renamed, references, listing);
    }

    boolean isListing() {
        return listing != null;
    }
}
