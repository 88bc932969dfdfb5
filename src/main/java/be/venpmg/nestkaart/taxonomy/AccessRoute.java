package be.venpmg.nestkaart.taxonomy;

/** How one gets to a service: directly, or only through a referral. Codes and labels: see {@link ClosedVocabulary}. */
public enum AccessRoute implements ClosedVocabulary {
    DIRECT, REFERRAL
}
