package be.venpmg.nestkaart.taxonomy;

/** What a service costs a family: a cost option's reimbursement. */
public enum Reimbursement implements ClosedVocabulary {
    GRATIS("gratis", "Gratis"),
    TERUGBETAALD("terugbetaald", "Terugbetaald door het ziekenfonds"),
    REMGELD("remgeld", "Met remgeld (eigen bijdrage)"),
    NIET_TERUGBETAALD("niet_terugbetaald", "Niet terugbetaald");

    private final String code;
    private final String label;

    Reimbursement(String code, String label) {
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
