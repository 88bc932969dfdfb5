package be.venpmg.nestkaart.taxonomy;

/**
 * Whether a course exists, runs as a pilot or is planned (the report's training tables distinguish them). Codes and
 * labels: see {@link ClosedVocabulary}.
 */
public enum CourseStatus implements ClosedVocabulary {
    EXISTING, PILOT, PLANNED
}
