package be.venpmg.nestkaart.taxonomy;

/** How a course is given. Codes and labels: see {@link ClosedVocabulary}. */
public enum CourseFormat implements ClosedVocabulary {
    ONLINE, BLENDED, KLASSIKAAL
}
