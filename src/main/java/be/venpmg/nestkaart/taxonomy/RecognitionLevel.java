package be.venpmg.nestkaart.taxonomy;

/** The two recognition levels of the network's quality criteria. */
public enum RecognitionLevel implements ClosedVocabulary {
    BASIC("basiszorgverlener", "Perinatale mentale basiszorgverlener"),
    SPECIALISED("gespecialiseerd", "Gespecialiseerde perinatale hulpverlener");

    private final String code;
    private final String label;

    RecognitionLevel(String code, String label) {
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
