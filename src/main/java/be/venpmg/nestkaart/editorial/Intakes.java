package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.Inserts;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New initiatives announced on the public "meld een nieuw aanbod" form: a queue of their own. An editor turns one
 * into a draft service of an organisation (then the usual review), or closes it; either way the sender's contact
 * address is deleted.
 */
@Singleton
public class Intakes {
    private static final String COLUMNS = "id, organization_name, service_name, description, postal_code, phone, "
            + "website, contact_email, status, created_at, change_id";
    private static final FieldSpec CONTACT = FieldSpec.of("contact_email", FieldSpec.Type.EMAIL);
    private static final Map<String, FieldSpec> FORM = Map.of(
            "organization_name", FieldSpec.text("organization_name", true, 300),
            "service_name", FieldSpec.text("service_name", true, 300),
            "description", FieldSpec.text("description", true, 4000),
            "postal_code", FieldSpec.text("postal_code", false, 4),
            "phone", FieldSpec.of("phone", FieldSpec.Type.PHONE),
            "website", FieldSpec.of("website", FieldSpec.Type.URL));
    private final JdbcOperations jdbc;
    private final Workflow workflow;
    private final Clock clock;

    Intakes(JdbcOperations jdbc, Workflow workflow, Clock clock) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** An announced initiative as editors see it. */
    @Serdeable
    public record Intake(long id, String organizationName, String serviceName, String description,
                         @Nullable String postalCode, @Nullable String phone, @Nullable String website,
                         @Nullable String contactEmail, String status, Instant createdAt, @Nullable Long changeId) {
    }

    /** Stores what the form sent, each field checked like an editor's; returns the intake's number. */
    @Transactional
    public long submit(Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        FORM.forEach((name, spec) -> values.put(name, spec.parse(form.get(name))));
        Object contact = CONTACT.parse(form.get("contact_email"));
        return Inserts.returningKey(jdbc, "INSERT INTO intake (organization_name, service_name, description, "
                + "postal_code, phone, website, contact_email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setObject(1, values.get("organization_name"));
            s.setObject(2, values.get("service_name"));
            s.setObject(3, values.get("description"));
            s.setObject(4, values.get("postal_code"));
            s.setObject(5, values.get("phone"));
            s.setObject(6, values.get("website"));
            s.setObject(7, contact);
            s.setTimestamp(8, Timestamp.from(clock.instant()));
        });
    }

    @ReadOnly
    public List<Intake> list(String status) {
        if (!List.of("new", "accepted", "closed").contains(status)) {
            throw new InvalidParameterException("status", "must be new, accepted or closed");
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM intake WHERE status = ? ORDER BY created_at", s -> {
            s.setString(1, status);
            List<Intake> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        });
    }

    /** A draft service of {@code organizationId} with what the form said; the review goes on as for any change. */
    @Transactional
    public Change accept(long id, @Nullable String organizationId, CurrentAccount editor) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new InvalidParameterException("organization_id", "kies de organisatie van het nieuwe aanbod");
        }
        Intake intake = lockNew(id);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("organization_id", organizationId.strip());
        fields.put("name", intake.serviceName());
        fields.put("description", intake.description());
        fields.put("url", intake.website());
        if (intake.phone() != null) {
            fields.put("phones", List.of(Map.of("number", intake.phone())));
        }
        Change draft = workflow.propose(ListingKind.SERVICE, null, fields, "Nieuw aanbod gemeld (aanmelding #" + id
                + ", " + intake.organizationName() + (intake.postalCode() == null ? "" : ", " + intake.postalCode())
                + ")", editor, null);
        close(id, "accepted", draft.id(), editor);
        return draft;
    }

    /** Closes an intake without a listing (a duplicate, not perinatal care, …). */
    @Transactional
    public Intake close(long id, CurrentAccount editor) {
        lockNew(id);
        close(id, "closed", null, editor);
        return byId(id);
    }

    private void close(long id, String status, @Nullable Long changeId, CurrentAccount editor) {
        jdbc.prepareStatement("UPDATE intake SET status = ?, change_id = ?, decided_by = ?, decided_at = ?, "
                + "contact_email = NULL WHERE id = ?", s -> {
            s.setString(1, status);
            s.setObject(2, changeId, java.sql.Types.BIGINT);
            s.setLong(3, editor.id());
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setLong(5, id);
            return s.executeUpdate();
        });
    }

    private Intake lockNew(long id) {
        Intake intake = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM intake WHERE id = ? FOR UPDATE", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("intake", String.valueOf(id));
                }
                return read(rs);
            }
        });
        if (!"new".equals(intake.status())) {
            throw RequestRefusedException.conflict("Deze aanmelding is al afgehandeld.");
        }
        return intake;
    }

    private Intake byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM intake WHERE id = ?", s -> {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return read(rs);
            }
        });
    }

    private static Intake read(ResultSet rs) throws SQLException {
        return new Intake(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getObject(11, Long.class));
    }
}
