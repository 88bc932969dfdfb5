package be.venpmg.nestkaart.interop;

import java.util.List;
import java.util.Map;

/**
 * What an import wrote (or, in a dry run, would write): records per dataset table, how many of them are new, changed
 * or unchanged, the listings the previous import of the same source had and this one has not (kept; per table, their
 * ids), the listings published, tables skipped, the faults it repaired (DatasetValidator), time taken.
 */
public record ImportReport(String source, Map<String, Integer> records, Map<String, Changes> changes,
                           Map<String, List<String>> disappeared, int listings, List<String> skippedTables,
                           int coordinatesFromPostalCode, List<ImportProblem> repairs, boolean dryRun, long millis) {

    public int count(String table) {
        return records.getOrDefault(table, 0);
    }

    ImportReport asDryRun() {
        return new ImportReport(source, records, changes, disappeared, listings, skippedTables,
                coordinatesFromPostalCode, repairs, true, millis);
    }

    /** Records of one table compared with what the database held before. */
    public record Changes(int added, int changed, int unchanged) {

        static Changes between(Map<String, String> before, Map<String, String> after) {
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            for (Map.Entry<String, String> record : after.entrySet()) {
                String earlier = before.get(record.getKey());
                if (earlier == null) {
                    added++;
                } else if (earlier.equals(record.getValue())) {
                    unchanged++;
                } else {
                    changed++;
                }
            }
            return new Changes(added, changed, unchanged);
        }

        Changes plus(Changes other) {
            return new Changes(added + other.added, changed + other.changed, unchanged + other.unchanged);
        }

        @Override
        public String toString() {
            return added + " new, " + changed + " changed, " + unchanged + " unchanged";
        }
    }
}
