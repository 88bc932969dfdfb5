package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concepts of {@code index-config/concepts.txt}: word classes and the rules that tie what people type to taxonomy
 * terms. Phrases are kept as normalised word sequences (the "concept" analysis chain: folded, stemmed), so that
 * inflections written once in the file meet in queries. See that file's header for the syntax.
 */
public final class ConceptVocabulary {
    private final Analyzer normaliser;
    private final Set<String> fillers;
    private final Map<String, List<List<String>>> classes;
    private final Map<String, List<Alternative>> concepts;
    private final Analyzer folding;
    private final Set<String> knownStems = new HashSet<>();
    private final Set<String> knownWords = new HashSet<>();

    /** One way to recognise a concept: every required item occurs and no excluded item does. */
    record Alternative(List<Item> required, List<Item> excluded) {
    }

    /** A literal phrase (normalised words) or a class name. */
    record Item(List<String> phrase, String className) {
    }

    ConceptVocabulary(List<String> lines, Analyzer normaliser, Analyzer folding) {
        this.normaliser = normaliser;
        this.folding = folding;
        Set<String> fillerWords = new HashSet<>();
        Map<String, String> classLines = new LinkedHashMap<>();
        Map<String, String> conceptLines = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.startsWith("@") ? line.indexOf(':') : line.indexOf(':', line.indexOf(':') + 1);
            if (line.startsWith("filler:")) {
                for (String word : line.substring("filler:".length()).split(",")) {
                    fillerWords.addAll(normaliseRaw(word));
                }
            } else if (colon > 0) {
                String key = line.substring(0, colon).trim();
                String rest = line.substring(colon + 1);
                if (key.startsWith("@")) {
                    classLines.merge(key.substring(1), rest, (a, b) -> a + "," + b);
                } else {
                    conceptLines.merge(key, rest, (a, b) -> a + "," + b);
                }
            } else {
                throw new IllegalArgumentException("concepts.txt: cannot read line '" + line + "'");
            }
        }
        this.fillers = Set.copyOf(fillerWords);
        this.classes = new HashMap<>();
        for (Map.Entry<String, String> entry : classLines.entrySet()) {
            classes.put(entry.getKey(), expandClass(entry.getKey(), classLines, new HashSet<>()));
        }
        this.concepts = new LinkedHashMap<>();
        conceptLines.forEach((concept, rest) -> {
            List<Alternative> alternatives = new ArrayList<>();
            for (String alternative : rest.split(",")) {
                if (!alternative.isBlank()) {
                    alternatives.add(alternative(alternative.trim(), concept));
                }
            }
            concepts.put(concept, List.copyOf(alternatives));
        });
        for (List<List<String>> phrases : classes.values()) {
            phrases.forEach(knownStems::addAll);
        }
        concepts.values().forEach(alts -> alts.forEach(a -> {
            a.required().forEach(i -> { if (i.phrase() != null) knownStems.addAll(i.phrase()); });
        }));
        for (String rest : classLines.values()) {
            knownWords.addAll(SearchService.words(folding, rest.replaceAll("@\\w+", " ")));
        }
        for (String rest : conceptLines.values()) {
            knownWords.addAll(SearchService.words(folding, rest.replaceAll("@\\w+", " ")));
        }
    }

    private ConceptVocabulary(ConceptVocabulary base, Map<String, List<String>> phrases) {
        this.normaliser = base.normaliser;
        this.folding = base.folding;
        this.fillers = base.fillers;
        this.classes = base.classes;
        this.concepts = new LinkedHashMap<>(base.concepts);
        knownStems.addAll(base.knownStems);
        knownWords.addAll(base.knownWords);
        phrases.forEach((concept, texts) -> {
            List<Alternative> alternatives = new ArrayList<>(concepts.getOrDefault(concept, List.of()));
            for (String text : texts) {
                List<String> words = normalise(text);
                if (!words.isEmpty()) {
                    alternatives.add(new Alternative(List.of(new Item(words, null)), List.of()));
                    knownStems.addAll(words);
                    knownWords.addAll(SearchService.words(folding, text));
                }
            }
            concepts.put(concept, List.copyOf(alternatives));
        });
    }

    /**
     * This vocabulary with more literal phrases per concept (words from the database: they are taken as written,
     * never as syntax, so an editor's comma or plus sign is just text).
     */
    ConceptVocabulary with(Map<String, List<String>> phrases) {
        return phrases.isEmpty() ? this : new ConceptVocabulary(this, phrases);
    }

    /** Concept id ("problem:ppd") → its alternatives, in the order of the file. */
    Map<String, List<Alternative>> concepts() {
        return concepts;
    }

    /** The one-word stems that name a concept on their own (no context needed): its evidence in listing text. */
    List<String> singleWordStems(String concept) {
        List<String> stems = new ArrayList<>();
        for (Alternative alternative : concepts.getOrDefault(concept, List.of())) {
            if (alternative.required().size() != 1 || !alternative.excluded().isEmpty()) {
                continue;
            }
            Item item = alternative.required().get(0);
            List<List<String>> phrases = item.phrase() != null ? List.of(item.phrase()) : classPhrases(item.className());
            phrases.stream().filter(p -> p.size() == 1).map(p -> p.get(0)).distinct().forEach(stems::add);
        }
        return stems;
    }

    List<List<String>> classPhrases(String name) {
        return classes.getOrDefault(name, List.of());
    }

    /** A stem that some phrase of the vocabulary uses. */
    boolean knowsStem(String stem) {
        return knownStems.contains(stem);
    }

    /** A folded word (unstemmed) written somewhere in the vocabulary. */
    Set<String> words() {
        return knownWords;
    }

    boolean isFiller(String stem) {
        return fillers.contains(stem);
    }

    /** The normalised words of a text with their character spans, fillers left out. */
    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = normaliser.tokenStream("concept", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String stem = term.toString();
                if (!fillers.contains(stem)) {
                    tokens.add(new Token(stem, offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The stem of one word, as phrases are stored. */
    String stem(String word) {
        List<String> stems = normaliseRaw(word);
        return stems.isEmpty() ? "" : stems.get(0);
    }

    record Token(String stem, int start, int end) {
    }

    private List<String> normalise(String phrase) {
        return tokens(phrase).stream().map(Token::stem).toList();
    }

    private List<String> normaliseRaw(String phrase) {
        List<String> stems = new ArrayList<>();
        try (TokenStream stream = normaliser.tokenStream("concept", phrase)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                stems.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    private List<List<String>> expandClass(String name, Map<String, String> classLines, Set<String> seen) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("concepts.txt: class @" + name + " refers to itself");
        }
        String rest = classLines.get(name);
        if (rest == null) {
            throw new IllegalArgumentException("concepts.txt: unknown class @" + name);
        }
        List<List<String>> phrases = new ArrayList<>();
        for (String phrase : rest.split(",")) {
            String trimmed = phrase.trim();
            if (trimmed.startsWith("@")) {
                phrases.addAll(expandClass(trimmed.substring(1), classLines, seen));
            } else if (!trimmed.isEmpty()) {
                List<String> words = normalise(trimmed);
                if (!words.isEmpty()) {
                    phrases.add(words);
                }
            }
        }
        seen.remove(name);
        return List.copyOf(phrases);
    }

    private Alternative alternative(String text, String concept) {
        List<Item> required = new ArrayList<>();
        List<Item> excluded = new ArrayList<>();
        // "a + b -c -@d": split on " +" and before each " -".
        for (String part : text.replace(" -", " + -").split("\\s\\+\\s?")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean negated = trimmed.startsWith("-");
            String body = negated ? trimmed.substring(1).trim() : trimmed;
            Item item;
            if (body.startsWith("@")) {
                String name = body.substring(1);
                if (!classes.containsKey(name)) {
                    throw new IllegalArgumentException("concepts.txt: " + concept + " names unknown class @" + name);
                }
                item = new Item(null, name);
            } else {
                List<String> words = normalise(body);
                if (words.isEmpty()) {
                    continue;
                }
                item = new Item(words, null);
            }
            (negated ? excluded : required).add(item);
        }
        return new Alternative(List.copyOf(required), List.copyOf(excluded));
    }
}
