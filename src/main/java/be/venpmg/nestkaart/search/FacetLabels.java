package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.platform.Database;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Dutch labels of facet values: taxonomy term names from the database, fixed labels for the rest. */
@Singleton
public class FacetLabels {
    private static final long REFRESH_NANOS = 60_000_000_000L;
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("access:direct", "Rechtstreeks toegankelijk"),
            Map.entry("access:referral", "Via verwijzing"),
            Map.entry("reimbursement:gratis", "Gratis"),
            Map.entry("reimbursement:terugbetaald", "Terugbetaald"),
            Map.entry("reimbursement:remgeld", "Met remgeld"),
            Map.entry("reimbursement:niet_terugbetaald", "Niet terugbetaald"),
            Map.entry("kind:service", "Aanbod"),
            Map.entry("kind:organization", "Organisatie"),
            Map.entry("kind:professional", "Hulpverlener"),
            Map.entry("kind:course", "Opleiding"),
            Map.entry("recognition:basiszorgverlener", "Perinatale mentale basiszorgverlener"),
            Map.entry("recognition:gespecialiseerd", "Gespecialiseerde perinatale hulpverlener"),
            Map.entry("level:basis", "Basis"),
            Map.entry("level:gespecialiseerd", "Gespecialiseerd"),
            Map.entry("course_format:online", "Online"),
            Map.entry("course_format:blended", "Blended"),
            Map.entry("course_format:klassikaal", "Klassikaal"),
            Map.entry("accredited:ja", "Geaccrediteerd"),
            Map.entry("accredited:nee", "Niet geaccrediteerd"),
            Map.entry("upcoming:ja", "Met een sessie gepland"),
            Map.entry("upcoming:nee", "Geen sessie gepland"));

    private final Database database;
    private final IndexConfigHolder config;
    private volatile Map<String, String> terms = Map.of();
    private volatile long loadedAt;

    FacetLabels(Database database, IndexConfigHolder config) {
        this.database = database;
        this.config = config;
    }

    public String label(String dimension, String value) {
        String fixed = FIXED.get(dimension + ":" + value);
        if (fixed != null) {
            return fixed;
        }
        if (IndexSchema.LANGUAGE.equals(dimension)) {
            return config.current().languageName(value);
        }
        String taxonomy = config.current().facetTaxonomies().get(dimension);
        return taxonomy == null ? value : termLabels().getOrDefault(taxonomy + ":" + value, value);
    }

    /** Whether a value is a known term code of the dimension's taxonomy. */
    public boolean isKnownTerm(String dimension, String value) {
        String taxonomy = config.current().facetTaxonomies().get(dimension);
        return taxonomy != null && termLabels().containsKey(taxonomy + ":" + value);
    }

    private Map<String, String> termLabels() {
        if (System.nanoTime() - loadedAt > REFRESH_NANOS || terms.isEmpty()) {
            Map<String, String> fresh = new HashMap<>();
            try (Connection c = database.open();
                 PreparedStatement statement = c.prepareStatement("""
                         SELECT COALESCE(tx.name, t.taxonomy), t.code, t.name FROM taxonomy_term t
                         LEFT JOIN taxonomy tx ON tx.id = t.taxonomy_id WHERE t.code IS NOT NULL""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    fresh.putIfAbsent(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
                }
            } catch (SQLException e) {
                return terms; // the database may be away; labels are a courtesy
            }
            terms = fresh;
            loadedAt = System.nanoTime();
        }
        return terms;
    }
}
