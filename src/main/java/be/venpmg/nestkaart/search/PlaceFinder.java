package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.Folding;
import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a place typed inside the query text ("depressie zwangerschap Gent", "huilbaby 2000", "regio Hasselt",
 * "in Limburg"): the longest run of words that names a locality or a province, or a Belgian postcode. A place name
 * that is also an ordinary Dutch word (Meer, Werken, Boom) counts only with a signal: a preposition before it ("in",
 * "regio", "rond" …) or a capital letter that is not the first of the text. After "regio", "rond", "omgeving" or "in
 * de buurt van" the search goes around the place, not only in it; after "provincie", or for a province name, it keeps
 * to the province.
 */
@Singleton
public class PlaceFinder {
    private static final int MAX_WORDS = 4;
    private static final int MIN_NAME_LENGTH = 4;
    /** Words before a place that ask for the place itself. */
    private static final Set<String> IN = Set.of("in", "te", "bij", "uit", "van");
    /** Words before a place that ask for the area around it. */
    private static final Set<String> AROUND = Set.of("regio", "omgeving", "rond", "rondom", "nabij", "dichtbij",
            "buurt", "streek");
    private static final String PROVINCE_WORD = "provincie";

    private final PostalCodeDirectory postalCodes;
    private final SpellingCorrector dictionary;
    private volatile Names names;

    PlaceFinder(PostalCodeDirectory postalCodes, SpellingCorrector dictionary) {
        this.postalCodes = postalCodes;
        this.dictionary = dictionary;
    }

    /**
     * A place found in the text, and the text without it (and without the words that introduced it).
     *
     * @param locality the locality as the postal-code list names it, when the search keeps to that place
     * @param postcode the centre of a search around a place (a postcode typed, or "regio X")
     * @param province the province named
     */
    public record Found(String remainingText, @Nullable String locality, @Nullable PostalPlace postcode,
                        @Nullable String province) {
    }

    /** Localities by their own Dutch name; other names (municipalities, French names); provinces. */
    private record Names(Map<String, PostalPlace> localities, Map<String, PostalPlace> aliases,
                         Map<String, String> provinces) {
    }

    public Optional<Found> find(String text, Set<String> notPlaces) {
        String[] words = text.trim().split("\\s+");
        String[] folded = Arrays.stream(words).map(w -> Folding.fold(w.replaceAll("^\\p{P}+|\\p{P}+$", "")))
                .toArray(String[]::new);
        Names known = names();
        for (int length = Math.min(MAX_WORDS, words.length); length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String candidate = String.join(" ", Arrays.copyOfRange(folded, start, start + length));
                String before = start > 0 ? folded[start - 1] : "";
                int signalWords = AROUND.contains(before) || IN.contains(before) || PROVINCE_WORD.equals(before)
                        ? (before.equals("van") && start > 1 && AROUND.contains(folded[start - 2]) ? 2 : 1) : 0;
                boolean around = AROUND.contains(before)
                        || (before.equals("van") && start > 1 && AROUND.contains(folded[start - 2]));
                if (length == 1 && candidate.matches("\\d{4}")) {
                    List<PostalPlace> places = postalCodes.find(candidate);
                    if (!places.isEmpty()) {
                        return Optional.of(new Found(without(words, start, length, signalWords), null,
                                places.get(0), null));
                    }
                }
                String key = candidate.replace(" ", "");
                String province = known.provinces().get(key);
                PostalPlace own = known.localities().get(key);
                // "Limburg" is the province, not the Walloon town Limbourg; "Antwerpen" is the city unless
                // "provincie" says otherwise.
                if (province != null && (PROVINCE_WORD.equals(before) || own == null)) {
                    return Optional.of(new Found(without(words, start, length, signalWords), null, null, province));
                }
                PostalPlace locality = own != null ? own : known.aliases().get(key);
                if (locality == null || candidate.length() < MIN_NAME_LENGTH || notPlaces.contains(candidate)) {
                    continue;
                }
                // Ordinary Dutch words ("Meer", or "voor de" read as Voorde) are a place only with a signal.
                boolean ordinaryWord = Arrays.stream(candidate.split(" ")).allMatch(dictionary::isDutch);
                boolean capitalised = start > 0 && Character.isUpperCase(words[start].charAt(0));
                if (ordinaryWord && signalWords == 0 && !capitalised) {
                    continue;
                }
                String rest = without(words, start, length, signalWords);
                return Optional.of(around ? new Found(rest, null, locality, null)
                        : new Found(rest, locality.locality(), null, null));
            }
        }
        return Optional.empty();
    }

    private Names names() {
        Names loaded = names;
        return loaded != null ? loaded : loadNames();
    }

    /** Once: the warm-up search and the first searches arrive together at the start, on two cores. */
    private synchronized Names loadNames() {
        Names loaded = names;
        if (loaded == null) {
            Map<String, PostalPlace> localities = new HashMap<>();
            Map<String, String> provinces = new HashMap<>();
            for (PostalPlace place : postalCodes.all()) {
                localities.putIfAbsent(PostalCodeDirectory.fold(place.locality()), place);
                if (place.province() != null) {
                    provinces.putIfAbsent(PostalCodeDirectory.fold(place.province()), place.province());
                }
            }
            // Municipalities and the French names too (Bruxelles, Ixelles, Liège).
            Map<String, PostalPlace> aliases = new HashMap<>(postalCodes.names());
            loaded = new Names(localities, aliases, provinces);
            names = loaded;
        }
        return loaded;
    }

    private static String without(String[] words, int start, int length, int signalWords) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i < start - signalWords || i >= start + length) {
                rest.append(rest.length() == 0 ? "" : " ").append(words[i]);
            }
        }
        return rest.toString().replaceAll("(?i)\\s+(in de|in|te|bij|rond|omgeving|regio|in de buurt van|provincie)$", "");
    }
}
