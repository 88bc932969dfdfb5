package be.venpmg.nestkaart.taxonomy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A closed vocabulary written once: each value's code (as stored, sent and indexed) and its Dutch label (as every
 * page, facet and export shows it). The open vocabularies are taxonomies in the database.
 */
public interface ClosedVocabulary {
    String code();

    String label();

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
}
