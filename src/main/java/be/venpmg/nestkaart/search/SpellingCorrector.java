package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.Folding;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.TimeoutPolicy;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects the misspelt words of a query one by one. A word is left alone when the index, the concept vocabulary or
 * the Dutch dictionary (OpenTaal's Hunspell dictionary in {@code index-config/dictionary/}) knows it, or when it is a
 * compound of known parts: valid Dutch is never "corrected" into a domain word. An unknown word is replaced by the
 * closest known word within the edit limit, preferring words that search can use (index and vocabulary).
 */
@Singleton
public class SpellingCorrector {
    private static final Logger LOG = LoggerFactory.getLogger(SpellingCorrector.class);
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final long SUGGEST_MILLIS = 40;

    /** Null inside when the configuration has no dictionary. */
    private final CompletableFuture<Hunspell> dutch = new CompletableFuture<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final IndexConfigHolder config;
    private final ExecutorService background;

    /**
     * Building the dictionary takes one to three seconds of a core (Lucene sorts its words offline), so it is not
     * built while the service starts: {@link #prepare()} builds it in the background once the first search has been
     * answered (on two cores, building it at once took a core from the start), or the first word checked does.
     */
    SpellingCorrector(IndexConfigHolder config, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.config = config;
        this.background = background;
    }

    /** Starts building the Dutch dictionary in the background, once. */
    public void prepare() {
        if (building.compareAndSet(false, true)) {
            IndexConfig current = config.current();
            CompletableFuture.supplyAsync(() -> load(current), background).whenComplete((hunspell, failure) -> {
                if (failure != null) {
                    LOG.warn("The Dutch dictionary could not be built ({}): spelling uses the index only",
                            failure.toString());
                }
                dutch.complete(hunspell);
            });
        }
    }

    private Hunspell dictionary() {
        prepare();
        return dutch.join();
    }

    /** One word replaced in the query. */
    public record Correction(String from, String to) {
    }

    /** The query with its corrections applied. */
    public record Corrected(String text, List<Correction> corrections) {
    }

    /** Whether the Dutch dictionary accepts the word (compounds included). */
    public boolean isDutch(String word) {
        Hunspell dictionary = dictionary();
        if (dictionary == null) {
            return false;
        }
        synchronized (dictionary) {
            return dictionary.spell(word) || dictionary.spell(word.toLowerCase(java.util.Locale.ROOT));
        }
    }

    Corrected correct(String text, IndexReader reader, IndexConfig settings, ConceptRecognizer concepts)
            throws IOException {
        int minLength = settings.integer("spelling.min-length", 4);
        ConceptVocabulary vocabulary = concepts.vocabulary();
        StringBuilder out = new StringBuilder();
        List<Correction> corrections = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        int last = 0;
        while (words.find()) {
            String original = words.group();
            String word = Folding.fold(original);
            String replacement = null;
            if (word.length() >= minLength && !known(word, reader, concepts)) {
                replacement = closest(word, reader, vocabulary);
            }
            out.append(text, last, words.start()).append(replacement == null ? original : replacement);
            if (replacement != null) {
                corrections.add(new Correction(original, replacement));
            }
            last = words.end();
        }
        out.append(text.substring(last));
        return new Corrected(out.toString(), List.copyOf(corrections));
    }

    private boolean known(String word, IndexReader reader, ConceptRecognizer concepts) throws IOException {
        ConceptVocabulary vocabulary = concepts.vocabulary();
        return vocabulary.words().contains(word) || vocabulary.knowsStem(vocabulary.stem(word))
                || reader.docFreq(new Term(IndexSchema.SPELL, word)) > 0 || isDutch(word)
                || concepts.split(word) != null;
    }

    private String closest(String word, IndexReader reader, ConceptVocabulary vocabulary) throws IOException {
        int limit = word.length() >= 8 ? 2 : 1;
        Set<String> candidates = new LinkedHashSet<>();
        for (String known : vocabulary.words()) {
            if (Math.abs(known.length() - word.length()) <= limit && known.length() >= 4) {
                candidates.add(known);
            }
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        for (SuggestWord suggestion : checker.suggestSimilar(new Term(IndexSchema.SPELL, word), 5, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
            candidates.add(suggestion.string);
        }
        String best = null;
        int bestDistance = limit + 1;
        int bestFreq = -1;
        for (String candidate : candidates) {
            int distance = distance(word, candidate, bestDistance);
            if (distance > limit) {
                continue;
            }
            int freq = reader.docFreq(new Term(IndexSchema.SPELL, candidate))
                    + (vocabulary.words().contains(candidate) ? 1 : 0);
            if (distance < bestDistance || (distance == bestDistance && freq > bestFreq)) {
                best = candidate;
                bestDistance = distance;
                bestFreq = freq;
            }
        }
        if (best == null) {
            best = dictionarySuggestion(word, reader, vocabulary);
        }
        return best;
    }

    /** Hunspell's suggestion when search knows it too: the dictionary alone would lead to words no listing uses. */
    private String dictionarySuggestion(String word, IndexReader reader, ConceptVocabulary vocabulary)
            throws IOException {
        Hunspell dictionary = dictionary();
        if (dictionary == null) {
            return null;
        }
        List<String> suggestions;
        synchronized (dictionary) {
            suggestions = dictionary.suggest(word, SUGGEST_MILLIS);
        }
        for (String suggestion : suggestions) {
            String folded = Folding.fold(suggestion);
            if (!folded.contains(" ") && (vocabulary.words().contains(folded)
                    || reader.docFreq(new Term(IndexSchema.SPELL, folded)) > 0)) {
                return folded;
            }
        }
        return null;
    }

    /** Optimal string alignment distance (transpositions count once), or more than {@code max} when it exceeds it. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private static Hunspell load(IndexConfig config) {
        try (InputStream affix = config.open("dictionary/nl.aff"); InputStream words = config.open("dictionary/nl.dic")) {
            Dictionary dictionary = new Dictionary(new ByteBuffersDirectory(), "nl", affix, words);
            return new Hunspell(dictionary, TimeoutPolicy.RETURN_PARTIAL_RESULT, () -> { });
        } catch (IOException | java.text.ParseException e) {
            LOG.warn("No Dutch dictionary in the search configuration ({}): spelling uses the index only", e.toString());
            return null;
        }
    }
}
