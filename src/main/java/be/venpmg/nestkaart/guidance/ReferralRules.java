package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.kernel.DatedVersions;
import be.venpmg.nestkaart.kernel.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of the referral rules ({@code referral/README.md}), read once and checked at start-up: a rule that
 * names an unknown question or a value its question does not allow stops the service rather than never match.
 */
@Singleton
public class ReferralRules {
    /** A condition on the care lines the deciding rule gave (for notes). */
    static final String CARELINE_INCLUDES = "careline_includes";
    private final DatedVersions<Version> versions;

    ReferralRules(@Value("${nestkaart.referral.rule-files}") List<String> files, Resources resources) {
        ObjectMapper json = new ObjectMapper();
        List<Version> loaded = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = resources.open(file)
                    .orElseThrow(() -> new IllegalStateException("Referral rules not found: " + file))) {
                loaded.add(Version.of(json.readTree(in), file));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable referral rules " + file, e);
            }
        }
        this.versions = new DatedVersions<>(loaded);
    }

    /** The version in force on {@code day}: the latest that took effect on or before it. */
    public Version activeOn(LocalDate day) {
        return versions.activeOn(day);
    }

    /** A place in the report: its page, the line of the text copy, the sentence a rule rests on. */
    @io.micronaut.serde.annotation.Serdeable
    public record Source(int page, int line, String quote) {
    }

    /** What a rule decides. */
    public record Outcome(List<String> carelines, List<String> modules, List<String> programmes, String speed,
                         String advice) {
    }

    public record Rule(String id, Map<String, JsonNode> when, Outcome then, List<Source> sources) {
    }

    public record Note(String id, Map<String, JsonNode> when, String text, List<Source> sources) {
    }

    /** One rule file. */
    public record Version(String version, LocalDate effectiveFrom, String source, JsonNode questions,
                          List<Rule> rules, List<Note> notes, JsonNode document) implements DatedVersions.Dated {

        static Version of(JsonNode root, String file) {
            JsonNode questions = root.get("questions");
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : root.get("rules")) {
                JsonNode then = rule.get("then");
                rules.add(new Rule(rule.get("id").asText(), conditions(rule.get("when"), questions, file),
                        new Outcome(texts(then.get("carelines")), texts(then.get("modules")),
                                texts(then.get("programmes")), then.get("speed").asText(), then.get("advice").asText()),
                        sources(rule.get("source"))));
            }
            List<Note> notes = new ArrayList<>();
            for (JsonNode note : root.path("notes")) {
                notes.add(new Note(note.get("id").asText(), conditions(note.get("when"), questions, file),
                        note.get("text").asText(), sources(note.get("source"))));
            }
            return new Version(root.get("version").asText(), LocalDate.parse(root.get("effective_from").asText()),
                    root.get("source").asText(), questions, List.copyOf(rules), List.copyOf(notes), root);
        }

        private static Map<String, JsonNode> conditions(JsonNode when, JsonNode questions, String file) {
            Map<String, JsonNode> conditions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> condition = it.next();
                String key = condition.getKey();
                if (!key.equals(CARELINE_INCLUDES) && !questions.has(key)) {
                    throw new IllegalStateException(file + ": a rule asks about unknown question " + key);
                }
                JsonNode allowed = questions.path(key).path("values");
                if (condition.getValue().isArray() && !allowed.isMissingNode()) {
                    condition.getValue().forEach(v -> {
                        if (!allowed.has(v.asText())) {
                            throw new IllegalStateException(file + ": " + key + " has no value " + v.asText());
                        }
                    });
                }
                conditions.put(key, condition.getValue());
            }
            return conditions;
        }

        private static List<String> texts(JsonNode array) {
            List<String> values = new ArrayList<>();
            if (array != null) {
                array.forEach(v -> values.add(v.asText()));
            }
            return List.copyOf(values);
        }

        private static List<Source> sources(JsonNode array) {
            List<Source> sources = new ArrayList<>();
            array.forEach(s -> sources.add(new Source(s.get("page").asInt(), s.get("line").asInt(),
                    s.get("quote").asText())));
            return List.copyOf(sources);
        }
    }
}
