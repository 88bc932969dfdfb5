package be.venpmg.nestkaart.taxonomy;

/** The level a course trains for (and continuing education counts for). Codes and labels: see {@link ClosedVocabulary}. */
public enum CourseLevel implements ClosedVocabulary {
    BASIS, GESPECIALISEERD
}
