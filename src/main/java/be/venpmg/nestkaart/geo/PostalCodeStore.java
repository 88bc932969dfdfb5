package be.venpmg.nestkaart.geo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The store of {@code geo_postal_code}: the places, loaded once from the packaged file. */
@Singleton
class PostalCodeStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostalCodeStore.class);

    private final JdbcOperations jdbc;

    PostalCodeStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A locality with its French names. */
    record Row(PostalPlace place, @Nullable String localityFr, @Nullable String municipalityFr) {
    }

    /**
     * When the table is empty, fills it with {@code rows} and gives every address without an eerstelijnszone the zone of
     * its postal code and locality, in one transaction.
     */
    @Transactional
    public void loadIfEmpty(Supplier<List<Row>> rows) {
        int count = jdbc.prepareStatement("SELECT COUNT(*) FROM geo_postal_code", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (count > 0) {
            return;
        }
        List<Row> file = rows.get();
        jdbc.prepareStatement("INSERT IGNORE INTO geo_postal_code (postal_code, locality, municipality, province, "
                + "latitude, longitude, eerstelijnszone, locality_fr, municipality_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    for (Row row : file) {
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
                    return statement.executeBatch();
                });
        LOG.info("Loaded {} postal code localities", file.size());
        int zoned = jdbc.prepareStatement("""
                UPDATE address a JOIN geo_postal_code g ON g.postal_code = a.postal_code
                    AND (g.locality = a.city OR g.locality_fr = a.city)
                SET a.eerstelijnszone = g.eerstelijnszone
                WHERE a.eerstelijnszone IS NULL AND g.eerstelijnszone IS NOT NULL""", statement -> statement.executeUpdate())
                + jdbc.prepareStatement("""
                UPDATE address a SET a.eerstelijnszone = (SELECT MIN(g.eerstelijnszone) FROM geo_postal_code g
                    WHERE g.postal_code = a.postal_code)
                WHERE a.eerstelijnszone IS NULL""", statement -> statement.executeUpdate());
        LOG.info("Gave {} addresses their eerstelijnszone", zoned);
    }

    /** Every locality, by postal code, the main municipality's own locality first. */
    @ReadOnly
    public List<Row> all() {
        return jdbc.prepareStatement("SELECT postal_code, locality, municipality, province, eerstelijnszone, latitude, "
                + "longitude, locality_fr, municipality_fr FROM geo_postal_code "
                + "ORDER BY postal_code, locality = municipality DESC, locality", statement -> {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(new PostalPlace(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7)),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        });
    }
}
