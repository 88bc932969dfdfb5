package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code recognition} and {@code committee_file} tables. */
@Singleton
class RecognitionStore {
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RecognitionStore(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A level a professional holds, and since when. */
    record HeldLevel(String level, LocalDate since) {
    }

    @ReadOnly
    Optional<Recognition> stored(String professionalId) {
        return jdbc.prepareStatement("SELECT level, route, since, valid_until, rule_version, reasons, computed_at, "
                + "verification_code FROM recognition WHERE professional_id = ?", s -> {
            s.setString(1, professionalId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date since = rs.getDate(3);
                Date until = rs.getDate(4);
                return Optional.of(new Recognition(professionalId, rs.getString(1), rs.getString(2),
                        since == null ? null : since.toLocalDate(), until == null ? null : until.toLocalDate(),
                        rs.getString(5), read(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        });
    }

    @ReadOnly
    Map<String, HeldLevel> heldLevels(List<String> professionalIds) {
        if (professionalIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT professional_id, level, since FROM recognition "
                + "WHERE level IS NOT NULL AND professional_id IN ("
                + String.join(", ", Collections.nCopies(professionalIds.size(), "?")) + ")", s -> {
            for (int i = 0; i < professionalIds.size(); i++) {
                s.setString(i + 1, professionalIds.get(i));
            }
            Map<String, HeldLevel> levels = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    levels.put(rs.getString(1), new HeldLevel(rs.getString(2), rs.getDate(3).toLocalDate()));
                }
            }
            return levels;
        });
    }

    @Transactional
    void save(String professionalId, Assessment assessment, @Nullable LocalDate since, String ruleVersion) {
        String reasons;
        try {
            reasons = json.writeValueAsString(assessment);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the assessment", e);
        }
        // The certificate's code stays while a level is held (a later level keeps the printed address valid).
        jdbc.prepareStatement("INSERT INTO recognition (professional_id, level, route, since, "
                + "valid_until, rule_version, reasons, computed_at, verification_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE level = VALUES(level), route = VALUES(route), since = VALUES(since), "
                + "valid_until = VALUES(valid_until), rule_version = VALUES(rule_version), reasons = VALUES(reasons), "
                + "computed_at = VALUES(computed_at), verification_code = IF(VALUES(level) IS NULL, NULL, "
                + "COALESCE(verification_code, VALUES(verification_code)))", s -> {
            s.setString(1, professionalId);
            s.setString(2, assessment.level());
            s.setString(3, assessment.route());
            s.setDate(4, since == null ? null : Date.valueOf(since));
            s.setDate(5, assessment.validUntil() == null ? null : Date.valueOf(assessment.validUntil()));
            s.setString(6, ruleVersion);
            s.setString(7, reasons);
            s.setTimestamp(8, Timestamp.from(clock.instant()));
            s.setString(9, assessment.level() == null ? null : be.venpmg.nestkaart.kernel.Ids.newId());
            return s.executeUpdate();
        });
    }

    /** What a certificate's verification address shows: whose recognition, which level, since when, under which rules. */
    @io.micronaut.serde.annotation.Serdeable
    public record Verified(String name, String level, String route, LocalDate since, @Nullable LocalDate validUntil,
                           String ruleVersion) {
    }

    @ReadOnly
    public Optional<Verified> verified(String code) {
        return jdbc.prepareStatement("SELECT CONCAT(p.given_name, ' ', p.family_name), r.level, r.route, r.since, "
                + "r.valid_until, r.rule_version FROM recognition r JOIN professional p ON p.id = r.professional_id "
                + "WHERE r.verification_code = ? AND r.level IS NOT NULL", s -> {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date until = rs.getDate(5);
                return Optional.of(new Verified(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), until == null ? null : until.toLocalDate(), rs.getString(6)));
            }
        });
    }

    /** Professionals whose recognition lapsed by {@code today} or was computed under another rule version. */
    @ReadOnly
    List<String> dueForRecheck(LocalDate today, String ruleVersion) {
        return jdbc.prepareStatement(
                "SELECT professional_id FROM recognition WHERE valid_until < ? OR rule_version <> ?", s -> {
            s.setDate(1, Date.valueOf(today));
            s.setString(2, ruleVersion);
            List<String> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
            return due;
        });
    }

    /** A file goes to the committee once per level, unless an earlier decision came before newer evidence. */
    @Transactional
    void openCommitteeFile(String professionalId, String level, String version) {
        int opened = jdbc.prepareStatement("INSERT INTO committee_file (professional_id, level, rule_version, "
                + "opened_at) SELECT ?, ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM committee_file f "
                + "WHERE f.professional_id = ? AND f.level = ? AND (f.status IN ('open', 'more_info') "
                + "OR f.decided_at >= (SELECT MAX(COALESCE(e.checked_at, e.created_at)) FROM evidence e "
                + "WHERE e.professional_id = ?)))", s -> {
            s.setString(1, professionalId);
            s.setString(2, level);
            s.setString(3, version);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setString(5, professionalId);
            s.setString(6, level);
            s.setString(7, professionalId);
            return s.executeUpdate();
        });
        if (opened == 1) {
            jdbc.prepareStatement("INSERT INTO committee_event (file_id, kind, actor, at) "
                    + "VALUES (LAST_INSERT_ID(), 'opened', 'Nestkaart', ?)", s -> {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                return s.executeUpdate();
            });
        }
    }

    @ReadOnly
    Set<String> approvedLevels(String professionalId) {
        return jdbc.prepareStatement(
                "SELECT level FROM committee_file WHERE professional_id = ? AND status = 'approved'", s -> {
            s.setString(1, professionalId);
            Set<String> levels = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    levels.add(rs.getString(1));
                }
            }
            return levels;
        });
    }

    /** Evidence and recognition belong to a professional or an organisation that exists (in any status). */
    @ReadOnly
    void requireExists(String type, @Nullable String id) {
        if (id == null) {
            throw new NotFoundException(type, "");
        }
        jdbc.prepareStatement("SELECT 1 FROM " + ("professional".equals(type) ? "professional" : "organization")
                + " WHERE id = ?", s -> {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(type, id);
                }
            }
            return null;
        });
    }

    private Assessment read(String stored) {
        try {
            return json.readValue(stored, Assessment.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable assessment", e);
        }
    }
}
