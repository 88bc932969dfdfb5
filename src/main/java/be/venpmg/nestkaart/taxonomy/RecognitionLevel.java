package be.venpmg.nestkaart.taxonomy;

/** The two recognition levels of the network's quality criteria. Codes and labels: see {@link ClosedVocabulary}. */
public enum RecognitionLevel implements ClosedVocabulary {
    BASISZORGVERLENER, GESPECIALISEERD
}
