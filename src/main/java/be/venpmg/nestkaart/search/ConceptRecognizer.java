package be.venpmg.nestkaart.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the concepts of a query ({@link ConceptVocabulary}): the normalised words are matched against every
 * concept's alternatives; a word the vocabulary does not know is first split into two known parts when it is an
 * unknown compound ("huilbabies" → huil + babies, "zwangerschapsangst" → zwangerschap + angst), never a word the
 * vocabulary knows whole and never into parts shorter than {@link #MIN_PART} letters.
 */
final class ConceptRecognizer {
    private static final int MIN_PART = 3;
    private static final int MIN_SPLIT_LENGTH = 7;
    private static final int MIN_BEGINNING = 5;
    /** Dutch linking sounds between the parts of a compound (bevalling-s-angst, kinder-en-wens). */
    private static final List<String> LINKS = List.of("", "s", "e", "en", "er");

    private final ConceptVocabulary vocabulary;

    ConceptRecognizer(ConceptVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** One recognised concept: its facet dimension, term code and the words of the query that named it. */
    record Recognised(String dimension, String code, String evidence) {
    }

    ConceptVocabulary vocabulary() {
        return vocabulary;
    }

    List<Recognised> recognise(String text) {
        List<Position> positions = positions(text);
        List<Recognised> found = new ArrayList<>();
        for (Map.Entry<String, List<ConceptVocabulary.Alternative>> concept : vocabulary.concepts().entrySet()) {
            for (ConceptVocabulary.Alternative alternative : concept.getValue()) {
                Set<Integer> covered = matches(alternative, positions);
                if (covered != null) {
                    String id = concept.getKey();
                    int colon = id.indexOf(':');
                    found.add(new Recognised(id.substring(0, colon), id.substring(colon + 1),
                            evidence(text, positions, covered)));
                    break;
                }
            }
        }
        return found;
    }

    /** A word of the query: the stems it may stand for at this place, and where it stands in the text. */
    private record Position(Set<String> stems, int start, int end) {
    }

    private List<Position> positions(String text) {
        List<Position> positions = new ArrayList<>();
        for (ConceptVocabulary.Token token : vocabulary.tokens(text)) {
            String word = text.substring(token.start(), token.end());
            List<String> parts = vocabulary.knowsStem(token.stem()) ? null : split(word);
            if (parts == null && !vocabulary.knowsStem(token.stem())) {
                String known = knownBeginning(word);
                if (known != null) {
                    parts = List.of(known);
                }
            }
            if (parts == null) {
                positions.add(new Position(Set.of(token.stem()), token.start(), token.end()));
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    Set<String> stems = new HashSet<>();
                    stems.add(parts.get(i));
                    if (i == 0) {
                        stems.add(token.stem());
                    }
                    positions.add(new Position(stems, token.start(), token.end()));
                }
            }
        }
        return positions;
    }

    /** The stems of a two-part split of an unknown compound into known parts, or null; the longest head wins. */
    List<String> split(String word) {
        String folded = be.venpmg.nestkaart.kernel.Folding.fold(word).replace(" ", "");
        if (folded.length() < MIN_SPLIT_LENGTH || !folded.chars().allMatch(Character::isLetter)) {
            return null;
        }
        for (int cut = folded.length() - MIN_PART; cut >= MIN_PART; cut--) {
            String tail = vocabulary.stem(folded.substring(cut));
            if (!vocabulary.knowsStem(tail)) {
                continue;
            }
            for (String link : LINKS) {
                String head = folded.substring(0, cut);
                if (!head.endsWith(link) || head.length() - link.length() < MIN_PART) {
                    continue;
                }
                String headStem = vocabulary.stem(head.substring(0, head.length() - link.length()));
                if (vocabulary.knowsStem(headStem)) {
                    return List.of(headStem, tail);
                }
            }
        }
        return null;
    }

    /**
     * For a word the vocabulary does not know, the longest known stem it begins with, when that stem has at least
     * {@link #MIN_BEGINNING} letters: derivations and compounds whose first part carries the meaning (paniekerig →
     * paniek, dwangmatige → dwang, middelenmisbruik → middel). A stem must be a whole beginning of the word, so a word
     * that only shares letters with a known one (overleg, overleden) stays unknown.
     */
    String knownBeginning(String word) {
        String folded = be.venpmg.nestkaart.kernel.Folding.fold(word).replace(" ", "");
        if (folded.length() < MIN_SPLIT_LENGTH) {
            return null;
        }
        String best = null;
        for (int end = folded.length() - 1; end >= MIN_BEGINNING && best == null; end--) {
            String head = folded.substring(0, end);
            if (vocabulary.knowsStem(head)) {
                best = head;
            }
        }
        return best;
    }

    /** The positions an alternative covers when it holds, else null. */
    private Set<Integer> matches(ConceptVocabulary.Alternative alternative, List<Position> positions) {
        // Most of the vocabulary's thousands of alternatives fail on their first item: the set is made only when one
        // holds (it was a tenth of what a search allocated).
        Set<Integer> covered = null;
        for (ConceptVocabulary.Item item : alternative.required()) {
            Set<Integer> at = find(item, positions);
            if (at == null) {
                return null;
            }
            if (covered == null) {
                covered = new HashSet<>(at);
            } else {
                covered.addAll(at);
            }
        }
        for (ConceptVocabulary.Item item : alternative.excluded()) {
            if (find(item, positions) != null) {
                return null;
            }
        }
        return covered == null ? Set.of() : covered;
    }

    private Set<Integer> find(ConceptVocabulary.Item item, List<Position> positions) {
        if (item.phrase() != null) {
            return findPhrase(item.phrase(), positions);
        }
        Set<Integer> best = null;
        for (List<String> phrase : vocabulary.classPhrases(item.className())) {
            Set<Integer> at = findPhrase(phrase, positions);
            if (at != null && (best == null || at.size() > best.size())) {
                best = at;
            }
        }
        return best;
    }

    private static Set<Integer> findPhrase(List<String> phrase, List<Position> positions) {
        for (int start = 0; start + phrase.size() <= positions.size(); start++) {
            boolean all = true;
            for (int j = 0; j < phrase.size() && all; j++) {
                all = positions.get(start + j).stems().contains(phrase.get(j));
            }
            if (all) {
                Set<Integer> at = new HashSet<>();
                for (int j = 0; j < phrase.size(); j++) {
                    at.add(start + j);
                }
                return at;
            }
        }
        return null;
    }

    private static String evidence(String text, List<Position> positions, Set<Integer> covered) {
        Map<Integer, String> words = new LinkedHashMap<>();
        covered.stream().sorted().forEach(i -> {
            Position p = positions.get(i);
            words.putIfAbsent(p.start(), text.substring(p.start(), p.end()));
        });
        return String.join(" ", words.values());
    }
}
