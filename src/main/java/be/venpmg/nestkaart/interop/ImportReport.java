package be.venpmg.nestkaart.interop;

import java.util.List;
import java.util.Map;

/**
 * What an import wrote: records per dataset table, the listings published, tables skipped, the faults it repaired
 * (DatasetValidator), time taken.
 */
public record ImportReport(String source, Map<String, Integer> records, int listings, List<String> skippedTables,
                           int coordinatesFromPostalCode, List<ImportProblem> repairs, long millis) {

    public int count(String table) {
        return records.getOrDefault(table, 0);
    }
}
