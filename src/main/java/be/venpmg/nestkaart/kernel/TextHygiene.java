package be.venpmg.nestkaart.kernel;

import java.util.Optional;

/**
 * What text may enter Nestkaart, written once for every way in (editors, self-service, public forms, imports): no NUL
 * or other control characters but tab and line breaks, no bidirectional overrides or isolates (a right-to-left
 * override shows a name reversed on a public page), no lone surrogates (a database would turn them into '?').
 * Valid Unicode is kept exactly as it came.
 */
public final class TextHygiene {
    private TextHygiene() {
    }

    /** Why {@code text} may not enter, or empty when it may. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("holds a broken character (a lone surrogate at position " + (i + 1) + ")");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("holds a control character (U+" + String.format("%04X", (int) c) + ") at position "
                        + (i + 1));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("holds a text-direction control (U+" + String.format("%04X", (int) c)
                        + ") at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** The text, or an {@link InvalidParameterException} naming {@code field}. */
    public static String checked(String field, String text) {
        problem(text).ifPresent(why -> {
            throw new InvalidParameterException(field, why);
        });
        return text;
    }
}
