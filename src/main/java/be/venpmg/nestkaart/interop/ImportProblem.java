package be.venpmg.nestkaart.interop;

/**
 * One reason a dataset is refused: which record (table, position, id) and which field.
 */
public record ImportProblem(String table, int index, String recordId, String field, String message) {

    static ImportProblem ofFile(String message) {
        return new ImportProblem(null, -1, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (table != null) {
            text.append(table);
            if (index >= 0) {
                text.append('[').append(index).append(']');
            }
            if (recordId != null) {
                text.append(" (id ").append(recordId).append(')');
            }
            if (field != null) {
                text.append(", field '").append(field).append('\'');
            }
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
