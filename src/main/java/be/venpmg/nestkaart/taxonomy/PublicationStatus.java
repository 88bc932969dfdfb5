package be.venpmg.nestkaart.taxonomy;

/** Where a listing stands in the editorial workflow; only published listings can be public. */
public enum PublicationStatus implements ClosedVocabulary {
    DRAFT("draft", "concept"),
    IN_REVIEW("in_review", "te beoordelen"),
    PUBLISHED("published", "gepubliceerd"),
    ARCHIVED("archived", "gearchiveerd");

    private final String code;
    private final String label;

    PublicationStatus(String code, String label) {
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
