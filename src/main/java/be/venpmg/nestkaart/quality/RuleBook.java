package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.kernel.DatedVersions;
import be.venpmg.nestkaart.kernel.Resources;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every version of the recognition rules, read once at start-up; the active one is chosen per day. */
@Singleton
public class RuleBook {
    private final DatedVersions<RuleSet> versions;

    @Inject
    RuleBook(@Value("${nestkaart.recognition.rule-files}") List<String> files, Resources resources,
             JsonMapper json) {
        List<RuleSet> loaded = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = resources.open(file)
                    .orElseThrow(() -> new IllegalStateException("Recognition rules not found: " + file))) {
                loaded.add(json.readValue(in, RuleSet.class));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable recognition rules " + file, e);
            }
        }
        this.versions = new DatedVersions<>(loaded);
    }

    RuleBook(List<RuleSet> versions) {
        this.versions = new DatedVersions<>(versions);
    }

    /** The version in force on {@code day}: the latest that took effect on or before it. */
    public RuleSet activeOn(LocalDate day) {
        return versions.activeOn(day);
    }

    public Optional<RuleSet> version(String version) {
        return versions.all().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    public List<RuleSet> versions() {
        return versions.all();
    }
}
