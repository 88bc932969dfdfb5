package be.venpmg.nestkaart.geo;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.venpmg.nestkaart.platform.Database;
import java.io.BufferedReader;
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

    /** A place by its name (locality first, then municipality; accents and case ignored). */
    public Optional<PostalPlace> byName(String name) {
        String wanted = fold(name);
        List<PostalPlace> all = all();
        return all.stream().filter(p -> fold(p.locality()).equals(wanted)).findFirst()
                .or(() -> all.stream().filter(p -> fold(p.municipality()).equals(wanted)).findFirst());
    }

    /** Every locality, grouped by postal code. */
    public List<PostalPlace> all() {
        return places().values().stream().flatMap(List::stream).toList();
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
            }
            Map<String, List<PostalPlace>> map = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT postal_code, locality, municipality, province, eerstelijnszone, latitude, longitude "
                            + "FROM geo_postal_code ORDER BY postal_code, locality = municipality DESC, locality");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    PostalPlace place = new PostalPlace(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7));
                    map.computeIfAbsent(place.postalCode(), k -> new ArrayList<>()).add(place);
                }
            }
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

    private List<PostalPlace> readCsv() {
        InputStream in = resources.getResourceAsStream(csvLocation)
                .orElseThrow(() -> new IllegalStateException("Postal code file not found: " + csvLocation));
        List<PostalPlace> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("postal_code,locality,municipality,province,lat,lon")) {
                throw new IllegalStateException("Unexpected header in " + csvLocation + ": " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new PostalPlace(f[0], f[1], f[2], f[3], null,
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void insert(Connection connection, List<PostalPlace> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT IGNORE INTO geo_postal_code (postal_code, locality, municipality, province, latitude, longitude) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PostalPlace p : rows) {
                statement.setString(1, p.postalCode());
                statement.setString(2, p.locality());
                statement.setString(3, p.municipality());
                statement.setString(4, p.province());
                statement.setDouble(5, p.latitude());
                statement.setDouble(6, p.longitude());
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

    static String fold(String text) {
        return PlaceNames.fold(text).replace(" ", "");
    }
}
