package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.SiteAddress;
import be.venpmg.nestkaart.taxonomy.PublicationStatus;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Listings as a spreadsheet for editors: every publication status, the editorial dates and the vocabulary terms
 * readable, one row per listing. UTF-8 with a byte order mark so Excel reads the accents; the separator is a choice
 * because Excel in a Dutch locale expects ';'. Cells that a spreadsheet would run as a formula are defused.
 */
@Singleton
public class ListingSpreadsheet {
    private static final String TERMS = "(SELECT GROUP_CONCAT(t.name ORDER BY t.sort_order, t.name SEPARATOR ' | ') "
            + "FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id "
            + "WHERE a.link_id = %s.id AND t.taxonomy = '%s')";
    private static final String PLACES = "(SELECT GROUP_CONCAT(DISTINCT CONCAT(ad.postal_code, ' ', COALESCE(ad.municipality,"
            + " ad.city)) ORDER BY ad.postal_code SEPARATOR ' | ') FROM service_at_location x "
            + "JOIN address ad ON ad.location_id = x.location_id WHERE x.service_id = s.id)";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** One listing type: its columns (Dutch header → SQL expression), the FROM clause and its public page. */
    private record Sheet(Map<String, String> columns, String from, String alias, String page) {
    }

    private static final Map<String, Sheet> SHEETS = Map.of(
            "organizations", new Sheet(columns(
                    "id", "o.id", "naam", "o.name", "andere naam", "o.alternate_name",
                    "type", TERMS.formatted("o", "nestkaart-organization-type"),
                    "e-mail", "o.email", "website", "o.website",
                    "aantal aanbod", "(SELECT COUNT(*) FROM service s WHERE s.organization_id = o.id)"),
                    "organization o", "o", "/organisatie/"),
            "services", new Sheet(columns(
                    "id", "s.id", "naam", "s.name", "organisatie", "(SELECT name FROM organization WHERE id = s.organization_id)",
                    "zorglijn", TERMS.formatted("s", "nestkaart-careline"),
                    "module", TERMS.formatted("s", "nestkaart-module"),
                    "problemen", TERMS.formatted("s", "nestkaart-problem"),
                    "doelgroepen", TERMS.formatted("s", "nestkaart-target-group"),
                    "plaatsen", PLACES, "wachttijd (weken)", "s.waiting_weeks", "wachttijd gemeld op", "s.waiting_reported_on",
                    "verwijzing nodig", "CASE s.referral_required WHEN 1 THEN 'ja' WHEN 0 THEN 'nee' END",
                    "e-mail", "s.email", "website", "s.url"),
                    "service s", "s", "/aanbod/"),
            "locations", new Sheet(columns(
                    "id", "l.id", "naam", "l.name", "organisatie", "(SELECT name FROM organization WHERE id = l.organization_id)",
                    "adres", "(SELECT address_1 FROM address WHERE location_id = l.id ORDER BY id LIMIT 1)",
                    "postcode", "(SELECT postal_code FROM address WHERE location_id = l.id ORDER BY id LIMIT 1)",
                    "gemeente", "(SELECT COALESCE(municipality, city) FROM address WHERE location_id = l.id ORDER BY id LIMIT 1)",
                    "eerstelijnszone", "(SELECT eerstelijnszone FROM address WHERE location_id = l.id ORDER BY id LIMIT 1)",
                    "provincie", "(SELECT province FROM address WHERE location_id = l.id ORDER BY id LIMIT 1)",
                    "breedtegraad", "l.latitude", "lengtegraad", "l.longitude"),
                    "location l", "l", null),
            "professionals", new Sheet(columns(
                    "id", "p.id", "voornaam", "p.given_name", "familienaam", "p.family_name",
                    "publiek profiel", "CASE WHEN p.consent_public THEN 'ja' ELSE 'nee' END",
                    "toestemming op", "p.consent_at", "e-mail", "p.email", "website", "p.website"),
                    "professional p", "p", "/hulpverlener/"));

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final SiteAddress site;

    ListingSpreadsheet(JdbcOperations jdbc, Clock clock, @Value("${nestkaart.editorial.stale-after}") Duration staleAfter,
                       SiteAddress site) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.site = site;
    }

    public static boolean knows(String type) {
        return SHEETS.containsKey(type);
    }

    public static List<String> types() {
        return SHEETS.keySet().stream().sorted().toList();
    }

    /**
     * Writes the listings of {@code type} (all of them, or those with the given publication status) as CSV.
     */
    @ReadOnly
    public void write(String type, String status, char separator, OutputStream out) {
        Sheet sheet = SHEETS.get(type);
        String a = sheet.alias();
        List<String> header = new ArrayList<>(sheet.columns().keySet());
        header.addAll(List.of("publicatiestatus", "laatst gecontroleerd", "te controleren", "gewijzigd"));
        if (sheet.page() != null) {
            header.add("pagina");
        }
        String sql = "SELECT " + String.join(", ", sheet.columns().values()) + ", " + a + ".publication_status, "
                + a + ".verified_at, " + a + ".updated_at FROM " + sheet.from()
                + (status == null ? "" : " WHERE " + a + ".publication_status = ?")
                + " ORDER BY " + (type.equals("professionals") ? "p.family_name, p.given_name" : a + ".name") + ", " + a + ".id";
        Instant staleBefore = clock.instant().minus(staleAfter);
        ZoneId zone = clock.getZone();
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setHeader(header.toArray(String[]::new)).get();
        jdbc.prepareStatement(sql, statement -> {
            if (status != null) {
                statement.setString(1, status);
            }
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (ResultSet rs = statement.executeQuery(); CSVPrinter printer = bomFirst(writer, format)) {
                int own = sheet.columns().size();
                List<Object> row = new ArrayList<>(header.size());
                while (rs.next()) {
                    row.clear();
                    for (int i = 1; i <= own; i++) {
                        row.add(cell(rs.getObject(i), zone));
                    }
                    Timestamp verified = rs.getTimestamp(own + 2);
                    String publication = rs.getString(own + 1);
                    row.add(publication);
                    row.add(verified == null ? "" : DAY.format(verified.toInstant().atZone(zone)));
                    boolean stale = PublicationStatus.PUBLISHED.code().equals(publication)
                            && (verified == null || verified.toInstant().isBefore(staleBefore));
                    row.add(stale ? "ja" : "nee");
                    row.add(DAY.format(rs.getTimestamp(own + 3).toInstant().atZone(zone)));
                    if (sheet.page() != null) {
                        row.add(site.baseUrl() + sheet.page() + rs.getString(1));
                    }
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Excel reads UTF-8 only after a byte-order mark, which must come before the header the printer writes. */
    private static CSVPrinter bomFirst(Writer writer, CSVFormat format) throws IOException {
        writer.write('\uFEFF');
        return new CSVPrinter(writer, format);
    }

    private static Object cell(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Timestamp timestamp) {
            return DAY.format(timestamp.toInstant().atZone(zone));
        }
        return defused(value.toString());
    }

    /** Text a spreadsheet would evaluate ("=HYPERLINK(…)", "+32…", "@SUM") is kept as text (OWASP CSV injection). */
    static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }
}
