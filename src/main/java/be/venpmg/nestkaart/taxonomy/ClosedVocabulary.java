package be.venpmg.nestkaart.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A closed vocabulary written once, as an enum: each value's code is its name in lower case (as stored, sent and
 * indexed), its Dutch label is in {@code taxonomy/closed-vocabularies.properties} (as every page, facet and export
 * shows it). The open vocabularies are taxonomies in the database.
 */
public interface ClosedVocabulary {
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    default String label() {
        return Labels.ALL.getProperty(getClass().getSimpleName() + "." + code(), code());
    }

    /** The codes of a vocabulary, in its order. */
    static <E extends Enum<E> & ClosedVocabulary> Set<String> codes(Class<E> vocabulary) {
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(vocabulary.getEnumConstants()).forEach(v -> codes.add(v.code()));
        return codes;
    }

    static <E extends Enum<E> & ClosedVocabulary> Optional<E> byCode(Class<E> vocabulary, String code) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(v -> v.code().equals(code)).findFirst();
    }

    /** The label of a code, or the code itself when the vocabulary does not have it. */
    static <E extends Enum<E> & ClosedVocabulary> String label(Class<E> vocabulary, String code) {
        return byCode(vocabulary, code).map(ClosedVocabulary::label).orElse(code);
    }

    /** The labels file, read once. */
    final class Labels {
        static final Properties ALL = read();

        private Labels() {
        }

        private static Properties read() {
            Properties labels = new Properties();
            try (InputStream in = ClosedVocabulary.class.getResourceAsStream("/taxonomy/closed-vocabularies.properties")) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return labels;
        }
    }
}
