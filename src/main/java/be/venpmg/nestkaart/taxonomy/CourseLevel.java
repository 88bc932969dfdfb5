package be.venpmg.nestkaart.taxonomy;

/** The level a course trains for (and continuing education counts for). */
public enum CourseLevel implements ClosedVocabulary {
    BASIS("basis", "Basis"),
    GESPECIALISEERD("gespecialiseerd", "Gespecialiseerd");

    private final String code;
    private final String label;

    CourseLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
