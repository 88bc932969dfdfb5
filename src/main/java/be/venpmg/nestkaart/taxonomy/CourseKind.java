package be.venpmg.nestkaart.taxonomy;

/**
 * What a course is, as the catalogue filters it and the quality criteria count it: continuing education
 * (criterion 2) or intervision or supervision (criterion 3). Codes and labels: see {@link ClosedVocabulary}.
 */
public enum CourseKind implements ClosedVocabulary {
    CONTINUING_EDUCATION, INTERVISION, SUPERVISION
}
