package be.venpmg.nestkaart.kernel;

import java.text.Normalizer;
import java.util.Locale;

/** The folded form under which place names are compared: no accents, lower case, single spaces. */
public final class Folding {
    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
