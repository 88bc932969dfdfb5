package be.venpmg.nestkaart.geo;

import be.venpmg.nestkaart.kernel.Folding;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.venpmg.nestkaart.platform.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final Logger LOG = LoggerFactory.getLogger(PostalCodeDirectory.class);

    private final Database database;
    private final ResourceResolver resources;
    private final String csvLocation;
    private volatile Map<String, List<PostalPlace>> byPostalCode;
    private volatile Map<String, PostalPlace> byName;

    public PostalCodeDirectory(Database database, ResourceResolver resources,
                               @Value("${nestkaart.seed.postal-codes}") String csvLocation) {
        this.database = database;
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
        try (Connection connection = database.open()) {
            if (count(connection) == 0) {
                insert(connection, readCsv());
                zoneAddresses(connection);
            }
            Map<String, List<PostalPlace>> map = new LinkedHashMap<>();
            Map<String, PostalPlace> localities = new LinkedHashMap<>();
            Map<String, PostalPlace> municipalities = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT postal_code, locality, municipality, province, eerstelijnszone, latitude, longitude, "
                            + "locality_fr, municipality_fr "
                            + "FROM geo_postal_code ORDER BY postal_code, locality = municipality DESC, locality");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    PostalPlace place = new PostalPlace(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7));
                    map.computeIfAbsent(place.postalCode(), k -> new ArrayList<>()).add(place);
                    for (String name : new String[]{place.locality(), rs.getString(8)}) {
                        if (name != null) {
                            localities.putIfAbsent(fold(name), place);
                        }
                    }
                    for (String name : new String[]{place.municipality(), rs.getString(9)}) {
                        if (name != null) {
                            municipalities.putIfAbsent(fold(name), place);
                        }
                    }
                }
            }
            // A locality's own name wins over a municipality of the same name elsewhere.
            municipalities.forEach(localities::putIfAbsent);
            byName = localities;
            return map;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load postal codes", e);
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM geo_postal_code");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A row of the postal-code file: the place, and its French names. */
    private record Row(PostalPlace place, String localityFr, String municipalityFr) {
    }

    private List<Row> readCsv() {
        InputStream in = resources.getResourceAsStream(csvLocation)
                .orElseThrow(() -> new IllegalStateException("Postal code file not found: " + csvLocation));
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            if (!parser.getHeaderNames().containsAll(List.of("postal_code", "locality", "municipality", "province",
                    "lat", "lon", "eerstelijnszone", "locality_fr", "municipality_fr"))) {
                throw new IllegalStateException("Unexpected header in " + csvLocation + ": " + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                String zone = r.get("eerstelijnszone");
                rows.add(new Row(new PostalPlace(r.get("postal_code"), r.get("locality"), r.get("municipality"),
                        r.get("province"), zone.isBlank() ? null : zone, Double.parseDouble(r.get("lat")),
                        Double.parseDouble(r.get("lon"))), r.get("locality_fr"), r.get("municipality_fr")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT IGNORE INTO geo_postal_code (postal_code, locality, municipality, province, latitude, longitude, "
                        + "eerstelijnszone, locality_fr, municipality_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                PostalPlace p = row.place();
                statement.setString(1, p.postalCode());
                statement.setString(2, p.locality());
                statement.setString(3, p.municipality());
                statement.setString(4, p.province());
                statement.setDouble(5, p.latitude());
                statement.setDouble(6, p.longitude());
                statement.setString(7, p.eerstelijnszone());
                statement.setString(8, row.localityFr());
                statement.setString(9, row.municipalityFr());
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.info("Loaded {} postal code localities", rows.size());
    }

    /** Gives every address without an eerstelijnszone the zone of its postal code and locality. */
    private static void zoneAddresses(Connection connection) throws SQLException {
        try (PreparedStatement byLocality = connection.prepareStatement("""
                UPDATE address a JOIN geo_postal_code g ON g.postal_code = a.postal_code
                    AND (g.locality = a.city OR g.locality_fr = a.city)
                SET a.eerstelijnszone = g.eerstelijnszone
                WHERE a.eerstelijnszone IS NULL AND g.eerstelijnszone IS NOT NULL""");
             PreparedStatement byCode = connection.prepareStatement("""
                UPDATE address a SET a.eerstelijnszone = (SELECT MIN(g.eerstelijnszone) FROM geo_postal_code g
                    WHERE g.postal_code = a.postal_code)
                WHERE a.eerstelijnszone IS NULL""")) {
            int zoned = byLocality.executeUpdate() + byCode.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info("Gave {} addresses their eerstelijnszone", zoned);
        }
    }

    static String fold(String text) {
        return Folding.fold(text).replace(" ", "");
    }
}
