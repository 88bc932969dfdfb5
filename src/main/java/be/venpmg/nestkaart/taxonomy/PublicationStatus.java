package be.venpmg.nestkaart.taxonomy;

/** Where a listing stands in the editorial workflow; only published listings can be public. Codes and labels: see {@link ClosedVocabulary}. */
public enum PublicationStatus implements ClosedVocabulary {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
