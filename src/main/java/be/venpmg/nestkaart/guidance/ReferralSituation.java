package be.venpmg.nestkaart.guidance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a professional tells the referral helper about a situation (never who the family is: no name, no date of
 * birth, only the postcode of the place to search near). Field names are the rule file's question names.
 */
@Serdeable
public record ReferralSituation(@Nullable String concern, String severity, boolean danger, String phase,
                                @Nullable Integer pregnancyWeeks, @Nullable Integer babyAgeMonths,
                                @Nullable Boolean history, @Nullable String homeSupport,
                                @Nullable Boolean childSafety, @Nullable String postcode) {

    /** The answers by question name, leaving out what was not answered. */
    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        put(answers, "concern", concern);
        put(answers, "severity", severity);
        put(answers, "danger", danger);
        put(answers, "phase", phase);
        put(answers, "pregnancy_weeks", pregnancyWeeks);
        put(answers, "baby_age_months", babyAgeMonths);
        put(answers, "history", history);
        put(answers, "home_support", homeSupport);
        put(answers, "child_safety", childSafety);
        return answers;
    }

    private static void put(Map<String, Object> answers, String question, @Nullable Object value) {
        if (value != null) {
            answers.put(question, value);
        }
    }
}
