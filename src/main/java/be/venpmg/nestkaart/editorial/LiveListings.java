package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.taxonomy.PublicationStatus;
import be.venpmg.nestkaart.kernel.Outbox;
import be.venpmg.nestkaart.kernel.Ids;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.ServiceArea;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The live listing rows, as far as editing touches them. Every write here also queues an outbox row in the caller's
 * transaction, so the search index follows the commit (and never sees what was not committed).
 */
@Singleton
public class LiveListings {
    private final java.time.Clock clock;
    private final JdbcOperations jdbc;
    private final Outbox outbox;

    private final PostalCodeDirectory postalCodes;
    private final ChildRows.DerivedColumns rowFill;

    LiveListings(java.time.Clock clock, JdbcOperations jdbc, Outbox outbox, PostalCodeDirectory postalCodes) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.postalCodes = postalCodes;
        this.rowFill = this::derivedColumns;
    }

    /**
     * What a row says without an editor typing it: an address's place and region from its postcode (as an import
     * resolves them), the currency of an amount, the weekly rhythm of opening hours.
     */
    private Map<String, Object> derivedColumns(String table, Map<String, Object> row) {
        Map<String, Object> derived = new LinkedHashMap<>();
        switch (table) {
            case "address" -> {
                derived.put("address_type", "physical");
                derived.put("country", "BE");
                postalCodes.resolve((String) row.get("postal_code"), (String) row.get("city")).ifPresent(place -> {
                    derived.put("city", place.locality());
                    derived.put("state_province", place.province());
                    derived.put("municipality", place.municipality());
                    derived.put("province", place.province());
                    derived.put("eerstelijnszone", place.eerstelijnszone());
                });
            }
            case "cost_option" -> {
                if (row.get("amount") != null) {
                    derived.put("currency", "EUR");
                }
            }
            case "schedule" -> derived.put("freq", "WEEKLY");
            default -> { }
        }
        return derived;
    }

    /** Whether every id names a row of {@code table} (a reference, a taxonomy term), in any status. */
    @ReadOnly
    public boolean allExist(String table, List<String> ids) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")", s -> {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == ids.size();
            }
        });
    }

    /** Whether another row of the kind already has this value in the column (a unique field, in any status). */
    @ReadOnly
    public boolean takenByAnother(ListingKind kind, String column, String value, String id) {
        kind.field(column).orElseThrow();
        return jdbc.prepareStatement("SELECT 1 FROM " + kind.table() + " WHERE " + column + " = ? AND id <> ?", s -> {
            s.setString(1, value);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** A service of an organisation as its representative keeps it current. */
    @io.micronaut.serde.annotation.Serdeable
    public record OwnService(String id, String name, String publicationStatus, @Nullable Integer waitingWeeks,
                             @Nullable java.time.LocalDate waitingReportedOn, @Nullable String acceptingNew) {
    }

    @ReadOnly
    public List<OwnService> servicesOf(String organizationId) {
        return jdbc.prepareStatement("SELECT id, name, publication_status, waiting_weeks, waiting_reported_on, "
                + "accepting_new FROM service WHERE organization_id = ? AND publication_status <> 'archived' "
                + "ORDER BY name, id", s -> {
            s.setString(1, organizationId);
            List<OwnService> services = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date reported = rs.getDate(5);
                    services.add(new OwnService(rs.getString(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), reported == null ? null : reported.toLocalDate(),
                            rs.getString(6)));
                }
            }
            return services;
        });
    }

    /** A live row: its publication status, when it was last verified, and its editable fields. */
    @io.micronaut.serde.annotation.Serdeable
    public record Live(String status, @Nullable Instant verifiedAt, Map<String, Object> fields) {
    }

    @ReadOnly
    public Optional<Live> read(ListingKind kind, String id) {
        return jdbc.execute(c -> read(c, kind, id));
    }

    private static Optional<Live> read(Connection c, ListingKind kind, String id) throws SQLException {
        List<FieldSpec> columns = columns(kind);
        String sql = "SELECT publication_status, verified_at"
                + columns.stream().map(f -> ", " + f.name()).collect(Collectors.joining())
                + " FROM " + kind.table() + " WHERE id = ?";
        Map<String, Object> fields = new LinkedHashMap<>();
        String status;
        Timestamp verified;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                status = rs.getString(1);
                verified = rs.getTimestamp(2);
                for (int i = 0; i < columns.size(); i++) {
                    fields.put(columns.get(i).name(), columns.get(i).fromDatabase(rs.getObject(i + 3)));
                }
            }
        }
        if (kind.field(ListingKind.TERMS_FIELD).isPresent()) {
            fields.put(ListingKind.TERMS_FIELD, terms(c, kind, id));
        }
        if (kind.field(ListingKind.AREAS_FIELD).isPresent()) {
            fields.put(ListingKind.AREAS_FIELD, areas(c, id));
        }
        if (kind.field(ListingKind.LOCATIONS_FIELD).isPresent()) {
            fields.put(ListingKind.LOCATIONS_FIELD, linkedLocations(c, id));
        }
        for (FieldSpec spec : kind.fields()) {
            if (spec.type() == FieldSpec.Type.ROWS) {
                fields.put(spec.name(), ChildRows.read(c, kind, spec, id));
            }
        }
        return Optional.of(new Live(status, verified == null ? null : verified.toInstant(), fields));
    }

    /** Writes a published version: inserts the row when it is new, else updates it. */
    @Transactional
    public void publish(ListingKind kind, String id, Map<String, Object> fields, boolean isNew) {
        jdbc.execute(c -> {
            write(c, kind, id, fields, isNew);
            return null;
        });
        assure(kind, id);
        outbox.queue(kind.name(), id);
    }

    private void write(Connection c, ListingKind kind, String id, Map<String, Object> fields, boolean isNew)
            throws SQLException {
        List<FieldSpec> columns = columns(kind);
        if (isNew) {
            List<String> names = new ArrayList<>(List.of("id", "publication_status", "verified_at", "created_at",
                    "updated_at"));
            columns.forEach(f -> names.add(f.name()));
            names.addAll(kind.insertDefaults().keySet());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + kind.table() + " (" + String.join(", ", names)
                    + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)")) {
                s.setString(1, id);
                s.setString(2, PublicationStatus.PUBLISHED.code());
                Timestamp now = Timestamp.from(clock.instant());
                s.setTimestamp(3, now);
                s.setTimestamp(4, now);
                s.setTimestamp(5, now);
                int i = 6;
                for (FieldSpec f : columns) {
                    s.setObject(i++, f.toDatabase(fields.get(f.name())));
                }
                for (String value : kind.insertDefaults().values()) {
                    s.setString(i++, value);
                }
                s.executeUpdate();
            }
        } else {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + kind.table()
                    + " SET publication_status = '" + PublicationStatus.PUBLISHED.code() + "', verified_at = ?, updated_at = ?"
                    + columns.stream().map(f -> ", " + f.name() + " = ?").collect(Collectors.joining())
                    + " WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                int i = 3;
                for (FieldSpec f : columns) {
                    s.setObject(i++, f.toDatabase(fields.get(f.name())));
                }
                s.setString(i, id);
                s.executeUpdate();
            }
        }
        if (kind.name().equals(ListingKind.PROFESSIONAL.name())) {
            // Consent is dated when it is given, so the public profile can show it was given before it was shown.
            try (PreparedStatement s = c.prepareStatement("UPDATE professional SET consent_at = IF(consent_public, "
                    + "COALESCE(consent_at, ?), NULL) WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, id);
                s.executeUpdate();
            }
        }
        if (fields.containsKey(ListingKind.TERMS_FIELD)) {
            @SuppressWarnings("unchecked")
            List<String> termIds = (List<String>) fields.get(ListingKind.TERMS_FIELD);
            replaceTerms(c, kind, id, termIds == null ? List.of() : termIds);
        }
        if (fields.containsKey(ListingKind.AREAS_FIELD)) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) fields.get(ListingKind.AREAS_FIELD);
            replaceAreas(c, id, keys == null ? List.of() : keys);
        }
        if (fields.containsKey(ListingKind.LOCATIONS_FIELD)) {
            @SuppressWarnings("unchecked")
            List<String> locations = (List<String>) fields.get(ListingKind.LOCATIONS_FIELD);
            replaceLocations(c, id, locations == null ? List.of() : locations);
        }
        for (FieldSpec spec : kind.fields()) {
            if (spec.type() == FieldSpec.Type.ROWS && fields.containsKey(spec.name())) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rows = (List<Map<String, Object>>) fields.get(spec.name());
                ChildRows.replace(c, kind, spec, id, rows == null ? List.of() : rows, rowFill);
            }
        }
    }

    private static List<String> linkedLocations(Connection c, String serviceId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT location_id FROM service_at_location "
                + "WHERE service_id = ? AND location_id IS NOT NULL ORDER BY location_id")) {
            s.setString(1, serviceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Links kept keep their service_at_location row (and what hangs on it); links dropped lose it. */
    private static void replaceLocations(Connection c, String serviceId, List<String> locationIds) throws SQLException {
        List<String> current = linkedLocations(c, serviceId);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM service_at_location WHERE service_id = ? AND location_id = ?")) {
            for (String gone : current) {
                if (!locationIds.contains(gone)) {
                    delete.setString(1, serviceId);
                    delete.setString(2, gone);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)")) {
            for (String added : locationIds) {
                if (!current.contains(added)) {
                    insert.setString(1, Ids.newId());
                    insert.setString(2, serviceId);
                    insert.setString(3, added);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Transactional
    public void setStatus(ListingKind kind, String id, String status) {
        jdbc.prepareStatement("UPDATE " + kind.table() + " SET publication_status = ?, updated_at = ? WHERE id = ?", s -> {
            s.setString(1, status);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setString(3, id);
            return s.executeUpdate();
        });
        outbox.queue(kind.name(), id);
    }

    @Transactional
    public void markVerified(ListingKind kind, String id) {
        // Confirmed facts are republished (a service's assured_date moves with it): updated_at moves too.
        jdbc.prepareStatement("UPDATE " + kind.table() + " SET verified_at = ?, updated_at = ? WHERE id = ?", s -> {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setString(3, id);
            return s.executeUpdate();
        });
        assure(kind, id);
        outbox.queue(kind.name(), id);
    }

    /** A service checked by the editors today says so in HSDS: {@code assured_date}. */
    private void assure(ListingKind kind, String id) {
        if (kind.name().equals(ListingKind.SERVICE.name())) {
            jdbc.prepareStatement("UPDATE service SET assured_date = ? WHERE id = ?", s -> {
                s.setDate(1, java.sql.Date.valueOf(java.time.LocalDate.now(clock)));
                s.setString(2, id);
                return s.executeUpdate();
            });
        }
    }



    private static List<FieldSpec> columns(ListingKind kind) {
        return kind.fields().stream().filter(f -> !f.isList()).toList();
    }

    private static List<String> terms(Connection c, ListingKind kind, String id) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT taxonomy_term_id FROM attribute "
                + "WHERE link_id = ? AND link_entity = ? ORDER BY taxonomy_term_id")) {
            s.setString(1, id);
            s.setString(2, kind.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** A service's areas as keys; an area kept as it came from a dataset reads as {@code other=<its name>}. */
    private static List<String> areas(Connection c, String serviceId) throws SQLException {
        List<ServiceArea> areas = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT scope, code, name FROM service_area WHERE service_id = ?")) {
            s.setString(1, serviceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    areas.add(ServiceArea.stored(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return areas.stream().sorted(ServiceArea.ORDER).map(ServiceArea::key).distinct().toList();
    }

    /**
     * Replaces a service's areas; rows whose key stays keep their id, description and extent (so what a dataset
     * brought survives an edit), new keys get a row named by their Dutch label and Nestkaart's URI.
     */
    private static void replaceAreas(Connection c, String serviceId, List<String> keys) throws SQLException {
        Map<String, String> kept = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, scope, code, name FROM service_area WHERE service_id = ? ORDER BY id")) {
            s.setString(1, serviceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kept.putIfAbsent(ServiceArea.stored(rs.getString(2), rs.getString(3), rs.getString(4)).key(), rs.getString(1));
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM service_area WHERE id = ?")) {
            for (var row : kept.entrySet()) {
                if (!keys.contains(row.getKey())) {
                    delete.setString(1, row.getValue());
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO service_area (id, service_id, name, uri, scope, "
                + "code) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String key : keys) {
                if (kept.containsKey(key)) {
                    continue;
                }
                ServiceArea area = ServiceArea.ofKey(key).orElseThrow();
                insert.setString(1, Ids.newId());
                insert.setString(2, serviceId);
                insert.setString(3, area.label());
                insert.setString(4, area.scope() == ServiceArea.Scope.OTHER ? null : area.uri());
                insert.setString(5, area.scope().wire());
                insert.setString(6, area.scope() == ServiceArea.Scope.OTHER ? null : area.code());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void replaceTerms(Connection c, ListingKind kind, String id, List<String> termIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM attribute WHERE link_id = ? AND link_entity = ?")) {
            s.setString(1, id);
            s.setString(2, kind.name());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO attribute (id, link_id, link_type, link_entity, "
                + "taxonomy_term_id) VALUES (?, ?, ?, ?, ?)")) {
            for (String term : termIds) {
                s.setString(1, Ids.newId());
                s.setString(2, id);
                s.setString(3, kind.name());
                s.setString(4, kind.name());
                s.setString(5, term);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
