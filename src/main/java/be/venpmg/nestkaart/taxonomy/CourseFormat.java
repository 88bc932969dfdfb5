package be.venpmg.nestkaart.taxonomy;

/** How a course is given. */
public enum CourseFormat implements ClosedVocabulary {
    ONLINE("online", "Online"),
    BLENDED("blended", "Blended (online en op locatie)"),
    KLASSIKAAL("klassikaal", "Klassikaal");

    private final String code;
    private final String label;

    CourseFormat(String code, String label) {
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
