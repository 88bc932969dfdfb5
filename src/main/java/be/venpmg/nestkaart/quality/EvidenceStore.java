package be.venpmg.nestkaart.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code evidence} table. */
@Singleton
class EvidenceStore {
    private final java.time.Clock clock;
    private final JdbcOperations jdbc;

    EvidenceStore(java.time.Clock clock, JdbcOperations jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }
    private static final String COLUMNS = "id, professional_id, organization_id, kind, qualification, level, hours, years, "
            + "issuer, obtained_on, expires_on, document_ref, status, checked_by, checked_at, check_note, created_at";

    @Transactional
    void insert(Evidence e, @Nullable Long submittedBy) {
        jdbc.prepareStatement("INSERT INTO evidence (id, professional_id, organization_id, kind, "
                + "qualification, level, hours, years, issuer, obtained_on, expires_on, document_ref, submitted_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, e.id());
            s.setString(2, e.professionalId());
            s.setString(3, e.organizationId());
            s.setString(4, e.kind());
            s.setString(5, e.qualification());
            s.setString(6, e.level());
            s.setBigDecimal(7, e.hours());
            s.setBigDecimal(8, e.years());
            s.setString(9, e.issuer());
            s.setDate(10, Date.valueOf(e.obtainedOn()));
            s.setDate(11, e.expiresOn() == null ? null : Date.valueOf(e.expiresOn()));
            s.setString(12, e.documentRef());
            s.setObject(13, submittedBy, Types.BIGINT);
            // The committee rule compares this with decisions dated by the application's clock.
            s.setTimestamp(14, java.sql.Timestamp.from(clock.instant()));
            return s.executeUpdate();
        });
    }

    @Transactional
    boolean check(String id, boolean accepted, long editor, @Nullable String note) {
        return jdbc.prepareStatement("UPDATE evidence SET status = ?, checked_by = ?, "
                + "checked_at = ?, check_note = ? WHERE id = ?", s -> {
            s.setString(1, accepted ? "accepted" : "refused");
            s.setLong(2, editor);
            s.setTimestamp(3, java.sql.Timestamp.from(clock.instant()));
            s.setString(4, note);
            s.setString(5, id);
            return s.executeUpdate() == 1;
        });
    }

    /** The account that entered the evidence, when one did (an import has none). */
    @ReadOnly
    Optional<Long> enteredBy(String id) {
        return jdbc.prepareStatement("SELECT submitted_by FROM evidence WHERE id = ? AND submitted_by IS NOT NULL", s -> {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    @ReadOnly
    Optional<Evidence> byId(String id) {
        return query("SELECT " + COLUMNS + " FROM evidence WHERE id = ?", id).stream().findFirst();
    }

    @ReadOnly
    List<Evidence> ofProfessional(String professionalId) {
        return query("SELECT " + COLUMNS + " FROM evidence WHERE professional_id = ? ORDER BY kind, obtained_on",
                professionalId);
    }

    @ReadOnly
    List<Evidence> ofOrganization(String organizationId) {
        return query("SELECT " + COLUMNS + " FROM evidence WHERE organization_id = ? ORDER BY kind, obtained_on",
                organizationId);
    }

    @ReadOnly
    List<Evidence> awaitingCheck() {
        return query("SELECT " + COLUMNS + " FROM evidence WHERE status = 'submitted' ORDER BY created_at", null);
    }

    private List<Evidence> query(String sql, @Nullable String key) {
        return jdbc.prepareStatement(sql, s -> {
            List<Evidence> found = new ArrayList<>();
            if (key != null) {
                s.setString(1, key);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Date expires = rs.getDate("expires_on");
                    Timestamp checked = rs.getTimestamp("checked_at");
                    found.add(new Evidence(rs.getString("id"), rs.getString("professional_id"),
                            rs.getString("organization_id"), rs.getString("kind"), rs.getString("qualification"),
                            rs.getString("level"), rs.getBigDecimal("hours"), rs.getBigDecimal("years"),
                            rs.getString("issuer"), rs.getDate("obtained_on").toLocalDate(),
                            expires == null ? null : expires.toLocalDate(), rs.getString("document_ref"),
                            rs.getString("status"), rs.getObject("checked_by", Long.class),
                            checked == null ? null : checked.toInstant(), rs.getString("check_note"),
                            rs.getTimestamp("created_at").toInstant()));
                }
            }
            return found;
        });
    }
}
