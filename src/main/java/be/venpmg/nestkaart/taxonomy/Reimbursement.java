package be.venpmg.nestkaart.taxonomy;

/** What a service costs a family: a cost option's reimbursement. Codes and labels: see {@link ClosedVocabulary}. */
public enum Reimbursement implements ClosedVocabulary {
    GRATIS, TERUGBETAALD, REMGELD, NIET_TERUGBETAALD
}
