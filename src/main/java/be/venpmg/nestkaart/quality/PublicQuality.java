package be.venpmg.nestkaart.quality;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the public sees of quality: a professional's recognition level and its date, an organisation's labels. */
@Singleton
public class PublicQuality {
    private final RecognitionStore store;
    private final RecognitionService recognition;
    private final RuleBook rules;
    private final Clock clock;

    PublicQuality(RecognitionStore store, RecognitionService recognition, RuleBook rules, Clock clock) {
        this.store = store;
        this.recognition = recognition;
        this.rules = rules;
        this.clock = clock;
    }

    /** A recognition level as shown publicly. */
    @Serdeable
    public record Level(String level, String label, LocalDate since) {
    }

    public Map<String, Level> levels(List<String> professionalIds) {
        RuleSet active = rules.activeOn(LocalDate.now(clock));
        Map<String, Level> levels = new HashMap<>();
        store.heldLevels(professionalIds).forEach((id, held) -> {
            RuleSet.LevelRule rule = active.levels().get(held.level());
            levels.put(id, new Level(held.level(), rule == null ? held.level() : rule.label(), held.since()));
        });
        return levels;
    }

    public List<String> labels(String organizationId) {
        return new ArrayList<>(recognition.qualityLabels(organizationId));
    }
}
