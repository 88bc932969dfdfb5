package be.venpmg.nestkaart.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One version of the recognition rules (see {@code recognition/README.md}). */
@Serdeable
public record RuleSet(String version, @JsonProperty("effective_from") LocalDate effectiveFrom, String source,
                      @JsonProperty("basic_education") Map<String, Map<String, String>> basicEducation,
                      Map<String, LevelRule> levels,
                      @JsonProperty("quality_labels") Map<String, String> qualityLabels)
        implements be.venpmg.nestkaart.kernel.DatedVersions.Dated {

    /** What one recognition level asks. */
    @Serdeable
    public record LevelRule(String label, @JsonProperty("basic_education_lists") List<String> basicEducationLists,
                            @JsonProperty("continuing_education") ContinuingRule continuingEducation,
                            @JsonProperty("permanent_education") PermanentRule permanentEducation,
                            @JsonProperty("liability_insurance") boolean liabilityInsurance,
                            @JsonProperty("association_membership") boolean associationMembership,
                            @JsonProperty("experience_route") ExperienceRule experienceRoute) {
    }

    @Serdeable
    public record ContinuingRule(List<String> levels, @JsonProperty("min_hours") double minHours) {
    }

    @Serdeable
    public record PermanentRule(List<String> kinds) {
    }

    @Serdeable
    public record ExperienceRule(@JsonProperty("min_years") double minYears, List<String> requires,
                                 @JsonProperty("lived_experience_max_years")
                                 @io.micronaut.core.annotation.Nullable Double livedExperienceMaxYears) {
        public ExperienceRule {
            // Lived experience is never the only ground (the report, text copy line 6747): it may add years, never
            // reach the minimum on its own.
            if (livedExperienceMaxYears != null
                    && (livedExperienceMaxYears < 0 || livedExperienceMaxYears >= minYears)) {
                throw new IllegalArgumentException("lived_experience_max_years must lie below min_years");
            }
        }

        /** Years of lived experience that count, only next to clinical experience and never above the cap. */
        public double livedYearsCounted(double clinicalYears, double livedYears) {
            return clinicalYears <= 0 || livedExperienceMaxYears == null ? 0
                    : Math.min(livedYears, livedExperienceMaxYears);
        }
    }

    /** The list (priority, second_list) a basic education code is on, or null. */
    public String listOf(String education) {
        return basicEducation.entrySet().stream().filter(e -> e.getValue().containsKey(education))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    public String educationName(String education) {
        return basicEducation.values().stream().map(m -> m.get(education)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(education);
    }
}
