package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Evidence as a professional or an editor sends it; {@link #validate} turns it into an unchecked record. */
@Serdeable
public record EvidenceInput(@Nullable String kind, @Nullable String qualification, @Nullable String level,
                            @Nullable BigDecimal hours, @Nullable BigDecimal years, @Nullable String issuer,
                            @Nullable String obtainedOn, @Nullable String expiresOn, @Nullable String documentRef) {
    static final List<String> PERSON_KINDS = List.of("basic_education", "continuing_education", "intervision",
            "supervision", "liability_insurance", "association_membership", "clinical_experience", "lived_experience");

    Evidence validate(RuleSet rules, @Nullable String professionalId, @Nullable String organizationId,
                      java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock);
        List<String> kinds = organizationId != null ? List.of("quality_label") : PERSON_KINDS;
        if (kind == null || !kinds.contains(kind)) {
            throw new InvalidParameterException("kind", "must be one of " + kinds);
        }
        if ("basic_education".equals(kind) && (qualification == null || rules.listOf(qualification) == null)) {
            throw new InvalidParameterException("qualification", "must be a basic education code of the rules: "
                    + rules.basicEducation().values().stream().flatMap(m -> m.keySet().stream()).toList());
        }
        if ("quality_label".equals(kind) && (qualification == null || !rules.qualityLabels().containsKey(qualification))) {
            throw new InvalidParameterException("qualification", "must be one of " + rules.qualityLabels().keySet());
        }
        if ("continuing_education".equals(kind)) {
            if (level == null || !be.venpmg.nestkaart.taxonomy.ClosedVocabulary.codes(
                    be.venpmg.nestkaart.taxonomy.CourseLevel.class).contains(level)) {
                throw new InvalidParameterException("level", "must be basis or gespecialiseerd");
            }
            positive("hours", hours, 2000);
        } else if (level != null) {
            throw new InvalidParameterException("level", "only continuing education has a level");
        }
        if ("clinical_experience".equals(kind) || "lived_experience".equals(kind)) {
            positive("years", years, 60);
        }
        if (issuer == null || issuer.isBlank() || issuer.length() > 300) {
            throw new InvalidParameterException("issuer", "needs 1 to 300 characters");
        }
        if (qualification != null && qualification.length() > 100) {
            throw new InvalidParameterException("qualification", "is longer than 100 characters");
        }
        if (documentRef != null && documentRef.length() > 500) {
            throw new InvalidParameterException("document_ref", "is longer than 500 characters");
        }
        LocalDate obtained = date("obtained_on", obtainedOn);
        if (obtained == null || obtained.isAfter(today)) {
            throw new InvalidParameterException("obtained_on", "is required and cannot lie in the future");
        }
        LocalDate expires = date("expires_on", expiresOn);
        if (expires != null && expires.isBefore(obtained)) {
            throw new InvalidParameterException("expires_on", "lies before obtained_on");
        }
        return new Evidence(UUID.randomUUID().toString(), professionalId, organizationId, kind,
                qualification == null || qualification.isBlank() ? null : qualification.strip(), level, hours, years,
                issuer.strip(), obtained, expires, documentRef == null || documentRef.isBlank() ? null : documentRef.strip(),
                "submitted", null, null, null, clock.instant());
    }

    private static void positive(String name, @Nullable BigDecimal value, int max) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidParameterException(name, "must be a number above 0 and at most " + max);
        }
    }

    private static LocalDate date(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date as YYYY-MM-DD");
        }
    }
}
