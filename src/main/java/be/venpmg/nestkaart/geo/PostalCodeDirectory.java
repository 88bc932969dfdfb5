package be.venpmg.nestkaart.geo;

import be.venpmg.nestkaart.kernel.Folding;
import be.venpmg.nestkaart.kernel.Resources;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Belgian postal codes: loaded into {@code geo_postal_code} from the packaged CSV when that table is empty,
 * then held in memory (about 2,800 rows) to resolve addresses and user postcodes.
 */
@Singleton
public class PostalCodeDirectory {

    private final PostalCodeStore store;
    private final Resources resources;
    private final String csvLocation;
    private volatile Map<String, List<PostalPlace>> byPostalCode;
    private volatile Map<String, PostalPlace> byName;

    public PostalCodeDirectory(PostalCodeStore store, Resources resources,
                               @Value("${nestkaart.seed.postal-codes}") String csvLocation) {
        this.store = store;
        this.resources = resources;
        this.csvLocation = csvLocation;
    }

    /** All localities sharing a postal code, main municipality first. */
    public List<PostalPlace> find(String postalCode) {
        return places().getOrDefault(postalCode == null ? "" : postalCode.trim(), List.of());
    }

    /** The locality of a postal code whose name matches {@code city} (accents and case ignored), else the first. */
    public Optional<PostalPlace> resolve(String postalCode, String city) {
        List<PostalPlace> candidates = find(postalCode);
        String wanted = fold(city);
        return candidates.stream()
                .filter(p -> fold(p.locality()).equals(wanted) || fold(p.municipality()).equals(wanted))
                .findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /**
     * A place by its name, Dutch or French (locality first, then municipality; accents, case and spaces ignored):
     * Brussel and Bruxelles, Elsene and Ixelles, Luik and Liège.
     */
    public Optional<PostalPlace> byName(String name) {
        places();
        return Optional.ofNullable(byName.get(fold(name)));
    }

    /** Every name a place is known by (folded as {@link #byName} folds), with its place. */
    public Map<String, PostalPlace> names() {
        places();
        return byName;
    }

    /** Every locality, grouped by postal code. */
    public List<PostalPlace> all() {
        return places().values().stream().flatMap(List::stream).toList();
    }

    /** The locality whose centre lies closest to a point (to know the municipality, zone and province it is in). */
    public Optional<PostalPlace> nearest(double latitude, double longitude) {
        double cos = Math.cos(Math.toRadians(latitude));
        return all().stream().min(java.util.Comparator.comparingDouble(p -> {
            double dLat = p.latitude() - latitude;
            double dLon = (p.longitude() - longitude) * cos;
            return dLat * dLat + dLon * dLon;
        }));
    }

    public int size() {
        return places().values().stream().mapToInt(List::size).sum();
    }

    private Map<String, List<PostalPlace>> places() {
        Map<String, List<PostalPlace>> loaded = byPostalCode;
        if (loaded == null) {
            synchronized (this) {
                if (byPostalCode == null) {
                    byPostalCode = load();
                }
                loaded = byPostalCode;
            }
        }
        return loaded;
    }

    private Map<String, List<PostalPlace>> load() {
        store.loadIfEmpty(this::readCsv);
        Map<String, List<PostalPlace>> map = new LinkedHashMap<>();
        Map<String, PostalPlace> localities = new LinkedHashMap<>();
        Map<String, PostalPlace> municipalities = new LinkedHashMap<>();
        for (PostalCodeStore.Row row : store.all()) {
            PostalPlace place = row.place();
            map.computeIfAbsent(place.postalCode(), k -> new ArrayList<>()).add(place);
            for (String name : new String[]{place.locality(), row.localityFr()}) {
                if (name != null) {
                    localities.putIfAbsent(fold(name), place);
                }
            }
            for (String name : new String[]{place.municipality(), row.municipalityFr()}) {
                if (name != null) {
                    municipalities.putIfAbsent(fold(name), place);
                }
            }
        }
        // A locality's own name wins over a municipality of the same name elsewhere.
        municipalities.forEach(localities::putIfAbsent);
        byName = localities;
        return map;
    }

    private List<PostalCodeStore.Row> readCsv() {
        InputStream in = resources.open(csvLocation)
                .orElseThrow(() -> new IllegalStateException("Postal code file not found: " + csvLocation));
        List<PostalCodeStore.Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            if (!parser.getHeaderNames().containsAll(List.of("postal_code", "locality", "municipality", "province",
                    "lat", "lon", "eerstelijnszone", "locality_fr", "municipality_fr"))) {
                throw new IllegalStateException("Unexpected header in " + csvLocation + ": " + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                String zone = r.get("eerstelijnszone");
                rows.add(new PostalCodeStore.Row(new PostalPlace(r.get("postal_code"), r.get("locality"), r.get("municipality"),
                        r.get("province"), zone.isBlank() ? null : zone, Double.parseDouble(r.get("lat")),
                        Double.parseDouble(r.get("lon"))), r.get("locality_fr"), r.get("municipality_fr")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A place name as names are matched: folded, without spaces. */
    public static String fold(String text) {
        return Folding.fold(text).replace(" ", "");
    }
}
