package be.venpmg.nestkaart.taxonomy;

/** How one gets to a service: directly, or only through a referral. */
public enum AccessRoute implements ClosedVocabulary {
    DIRECT("direct", "Rechtstreeks toegankelijk"),
    REFERRAL("referral", "Via verwijzing");

    private final String code;
    private final String label;

    AccessRoute(String code, String label) {
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
