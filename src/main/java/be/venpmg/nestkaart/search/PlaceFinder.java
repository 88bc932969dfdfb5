package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.geo.PlaceNames;
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
 * Finds a place typed inside the query text ("depressie zwangerschap Gent", "huilbaby 2000"): the longest run of
 * words that names a municipality or locality, or a Belgian postcode.
 */
@Singleton
public class PlaceFinder {
    private static final int MAX_WORDS = 4;
    private static final int MIN_NAME_LENGTH = 4;

    private final PostalCodeDirectory postalCodes;
    private volatile Map<String, String> localityByName;

    PlaceFinder(PostalCodeDirectory postalCodes) {
        this.postalCodes = postalCodes;
    }

    /** A place found in the text, and the text without it; {@code locality} as the postal-code list names it. */
    public record Found(String remainingText, @Nullable String locality, @Nullable PostalPlace postcode) {
    }

    public Optional<Found> find(String text, Set<String> notPlaces) {
        String[] words = text.trim().split("\\s+");
        String[] folded = Arrays.stream(words).map(PlaceNames::fold).toArray(String[]::new);
        Map<String, String> names = names();
        for (int length = Math.min(MAX_WORDS, words.length); length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String candidate = String.join(" ", Arrays.copyOfRange(folded, start, start + length));
                if (length == 1 && candidate.matches("\\d{4}")) {
                    List<PostalPlace> places = postalCodes.find(candidate);
                    if (!places.isEmpty()) {
                        return Optional.of(new Found(without(words, start, length), null, places.get(0)));
                    }
                }
                String locality = names.get(candidate);
                if (locality != null && candidate.length() >= MIN_NAME_LENGTH && !notPlaces.contains(candidate)) {
                    return Optional.of(new Found(without(words, start, length), locality, null));
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, String> names() {
        Map<String, String> loaded = localityByName;
        if (loaded == null) {
            loaded = new HashMap<>();
            for (PostalPlace place : postalCodes.all()) {
                loaded.putIfAbsent(PlaceNames.fold(place.locality()), place.locality());
            }
            localityByName = loaded;
        }
        return loaded;
    }

    private static String without(String[] words, int start, int length) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i < start || i >= start + length) {
                rest.append(rest.length() == 0 ? "" : " ").append(words[i]);
            }
        }
        return rest.toString().replaceAll("\\s+(in|te|bij|rond|omgeving|regio)$", "");
    }
}
