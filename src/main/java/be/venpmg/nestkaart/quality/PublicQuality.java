package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.platform.Database;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the public sees of quality: a professional's recognition level and its date, an organisation's labels. */
@Singleton
public class PublicQuality {
    private final Database database;
    private final RecognitionService recognition;
    private final RuleBook rules;
    private final Clock clock;

    PublicQuality(Database database, RecognitionService recognition, RuleBook rules, Clock clock) {
        this.database = database;
        this.recognition = recognition;
        this.rules = rules;
        this.clock = clock;
    }

    /** A recognition level as shown publicly. */
    @Serdeable
    public record Level(String level, String label, LocalDate since) {
    }

    public Map<String, Level> levels(List<String> professionalIds) {
        if (professionalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Level> levels = new HashMap<>();
        RuleSet active = rules.activeOn(LocalDate.now(clock));
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement("SELECT professional_id, level, since FROM recognition "
                     + "WHERE level IS NOT NULL AND professional_id IN ("
                     + String.join(", ", Collections.nCopies(professionalIds.size(), "?")) + ")")) {
            for (int i = 0; i < professionalIds.size(); i++) {
                s.setString(i + 1, professionalIds.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String level = rs.getString(2);
                    RuleSet.LevelRule rule = active.levels().get(level);
                    levels.put(rs.getString(1), new Level(level, rule == null ? level : rule.label(),
                            rs.getDate(3).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read recognitions", e);
        }
        return levels;
    }

    public List<String> labels(String organizationId) {
        try (Connection c = database.open()) {
            return new ArrayList<>(recognition.qualityLabels(c, organizationId));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read quality labels", e);
        }
    }
}
