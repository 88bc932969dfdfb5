package be.venpmg.nestkaart.quality;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static be.venpmg.nestkaart.quality.RecognitionRules.BASIS;
import static be.venpmg.nestkaart.quality.RecognitionRules.SPECIALISED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every recognition rule of the shipped rule file, and its edges, on evidence built per case. */
class RecognitionRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final AtomicInteger IDS = new AtomicInteger();
    private final RuleSet rules = load("recognition/rules-2026.1.json");

    @Test
    void priorityEducationWithEverySpecialisedCriterionGivesTheSpecialisedLevel() {
        Assessment a = assess(specialisedFile("klinische_psychologie"), Set.of());
        assertEquals(SPECIALISED, a.level());
        assertEquals("education", a.route());
        assertTrue(a.reasons().get(SPECIALISED).stream().allMatch(Assessment.Reason::met), a.reasons().toString());
    }

    @Test
    void basisLevelNeedsBasisContinuingEducationAndIntervisionOrSupervision() {
        List<Evidence> file = new ArrayList<>(List.of(education("vroedkunde"), continuing("basis", 18),
                kind("intervision"), kind("liability_insurance"), kind("association_membership")));
        Assessment a = assess(file, Set.of());
        assertEquals(BASIS, a.level());
        assertFalse(met(a, SPECIALISED, "continuing_education"), "basis hours do not count for the specialised level");
        assertFalse(met(a, SPECIALISED, "permanent_education"), "the specialised level asks supervision, not intervision");
        file.set(1, continuing("basis", 17.5));
        assertNull(assess(file, Set.of()).level(), "17.5 of 18 hours is not enough");
    }

    @Test
    void secondListEducationCountsForBasisButNotForTheSpecialisedLevel() {
        Assessment a = assess(specialisedFile("gezinswetenschappen"), Set.of());
        assertEquals(BASIS, a.level(), "gespecialiseerd asks an education from the priority list");
        Assessment.Reason education = reason(a, SPECIALISED, "basic_education");
        assertFalse(education.met());
        assertTrue(education.detail().contains("Gezinswetenschappen"), education.detail());
        assertTrue(reason(a, BASIS, "basic_education").detail().contains("tweede lijst"));
    }

    @Test
    void expiredOrUncheckedEvidenceDoesNotCount() {
        List<Evidence> file = new ArrayList<>(specialisedFile("vroedkunde"));
        Evidence insurance = file.stream().filter(e -> e.kind().equals("liability_insurance")).findFirst().orElseThrow();
        file.set(file.indexOf(insurance), withExpiry(insurance, TODAY.minusDays(1)));
        Assessment expired = assess(file, Set.of());
        assertNull(expired.level(), "no insurance today, no recognition");
        assertFalse(met(expired, BASIS, "liability_insurance"));

        file.set(file.indexOf(withExpiry(insurance, TODAY.minusDays(1))), withExpiry(insurance, TODAY));
        Assessment lastDay = assess(file, Set.of());
        assertEquals(SPECIALISED, lastDay.level(), "evidence is valid on its expiry day");
        assertEquals(TODAY, lastDay.validUntil(), "recognition lasts as long as the evidence it rests on");

        List<Evidence> unchecked = new ArrayList<>(specialisedFile("vroedkunde"));
        unchecked.replaceAll(e -> e.kind().equals("association_membership") ? withStatus(e, "submitted") : e);
        assertNull(assess(unchecked, Set.of()).level(), "evidence counts only once an editor accepted it");
        unchecked.replaceAll(e -> e.kind().equals("association_membership") ? withStatus(e, "refused") : e);
        assertNull(assess(unchecked, Set.of()).level());
    }

    @Test
    void experienceRouteNeedsYearsCriteriaTwoToFourAndTheCommittee() {
        List<Evidence> file = new ArrayList<>(List.of(experience(4), continuing("basis", 20), kind("intervision"),
                kind("liability_insurance")));
        Assessment waiting = assess(file, Set.of());
        assertNull(waiting.level(), "without the committee's approval there is no recognition");
        assertEquals(List.of(BASIS), waiting.awaitingCommittee());
        assertTrue(reason(waiting, BASIS, "clinical_experience").detail().contains("commissie"));

        Assessment approved = assess(file, Set.of(BASIS));
        assertEquals(BASIS, approved.level());
        assertEquals("experience", approved.route());
        assertTrue(met(approved, BASIS, "clinical_experience"));

        Assessment tooFewYears = assess(List.of(experience(2.5), continuing("basis", 20), kind("intervision"),
                kind("liability_insurance")), Set.of(BASIS));
        assertNull(tooFewYears.level(), "2.5 of 3 years");
        assertTrue(tooFewYears.awaitingCommittee().isEmpty(), "no file for the committee before the years are there");

        Assessment noInsurance = assess(List.of(experience(4), continuing("basis", 20), kind("intervision")), Set.of());
        assertTrue(noInsurance.awaitingCommittee().isEmpty(), "criteria 2 to 4 come before the committee");
    }

    @Test
    void aListedEducationClosesTheExperienceRouteForThatLevel() {
        Assessment a = assess(List.of(education("sociaal_werk"), experience(10), continuing("gespecialiseerd", 80),
                kind("supervision"), kind("liability_insurance"), kind("association_membership")), Set.of(SPECIALISED));
        assertEquals(SPECIALISED, a.level(), "second-list holders reach gespecialiseerd through experience + committee");
        assertEquals("experience", a.route());
    }

    @Test
    void aNewRuleVersionChangesTheOutcomeAndIsRecorded() throws IOException {
        RuleSet stricter = withBasisHours(rules, "2027.1", LocalDate.of(2027, 1, 1), 40);
        RuleBook book = new RuleBook(List.of(stricter, rules));
        List<Evidence> file = List.of(education("vroedkunde"), continuing("basis", 24), kind("supervision"),
                kind("liability_insurance"), kind("association_membership"));

        RuleSet before = book.activeOn(LocalDate.of(2026, 12, 31));
        assertEquals("2026.1", before.version());
        Assessment old = RecognitionRules.assess(before, file, Set.of(), TODAY);
        assertEquals(BASIS, old.level());
        assertEquals("2026.1", old.ruleVersion());

        RuleSet after = book.activeOn(LocalDate.of(2027, 1, 1));
        assertEquals("2027.1", after.version(), "the version in force is chosen by date");
        Assessment recomputed = RecognitionRules.assess(after, file, Set.of(), LocalDate.of(2027, 1, 1));
        assertNull(recomputed.level(), "24 of the now required 40 hours");
        assertEquals("2027.1", recomputed.ruleVersion());
        assertTrue(reason(recomputed, BASIS, "continuing_education").detail().contains("nodig: 40 uur"));
    }

    /** Lived experience counts (version 2026.2) for at most a year, only next to clinical experience. */
    @Test
    void livedExperienceAddsAtMostItsCapAndIsNeverTheOnlyGround() {
        RuleSet current = load("recognition/rules-2026.2.json");
        List<Evidence> criteria = List.of(continuing("basis", 18), kind("intervision"), kind("liability_insurance"));
        List<Evidence> livedOnly = new ArrayList<>(criteria);
        livedOnly.add(lived(10));
        Assessment alone = RecognitionRules.assess(current, livedOnly, Set.of(BASIS), TODAY);
        assertNull(alone.level(), "ten years of lived experience alone never reach a level");
        assertTrue(alone.awaitingCommittee().isEmpty(), "nor open a file");
        assertTrue(reason(alone, BASIS, "clinical_experience").detail().contains("nooit als enige grond"));

        List<Evidence> together = new ArrayList<>(criteria);
        together.add(experience(2));
        together.add(lived(5));
        Assessment counted = RecognitionRules.assess(current, together, Set.of(), TODAY);
        assertEquals(List.of(BASIS), counted.awaitingCommittee(), "2 + at most 1 = 3 years: the file opens");
        assertTrue(reason(counted, BASIS, "clinical_experience").detail().contains("en 1 jaar ervaringsdeskundigheid"));
        assertEquals(BASIS, RecognitionRules.assess(current, together, Set.of(BASIS), TODAY).level());

        together.set(3, experience(1.5));
        assertTrue(RecognitionRules.assess(current, together, Set.of(), TODAY).awaitingCommittee().isEmpty(),
                "1.5 + 1 is below 3 years");
        assertTrue(RecognitionRules.assess(rules, List.of(experience(2), lived(5), criteria.get(0), criteria.get(1),
                criteria.get(2)), Set.of(), TODAY).awaitingCommittee().isEmpty(), "version 2026.1 does not count it");
        assertThrows(IllegalArgumentException.class, () -> new RuleSet.ExperienceRule(3, List.of(), 3.0),
                "a cap that could reach the minimum alone is refused");
    }

    // ---- evidence builders ----

    private static Evidence lived(double years) {
        return evidence("lived_experience", null, null, null, BigDecimal.valueOf(years));
    }

    private List<Evidence> specialisedFile(String education) {
        return List.of(education(education), continuing("gespecialiseerd", 60), kind("supervision"),
                kind("liability_insurance"), kind("association_membership"));
    }

    private static Evidence education(String code) {
        return evidence("basic_education", code, null, null, null);
    }

    private static Evidence continuing(String level, double hours) {
        return evidence("continuing_education", "cursus", level, BigDecimal.valueOf(hours), null);
    }

    private static Evidence experience(double years) {
        return evidence("clinical_experience", null, null, null, BigDecimal.valueOf(years));
    }

    private static Evidence kind(String kind) {
        return evidence(kind, null, null, null, null);
    }

    private static Evidence evidence(String kind, String qualification, String level, BigDecimal hours, BigDecimal years) {
        return new Evidence("e" + IDS.incrementAndGet(), "p1", null, kind, qualification, level, hours, years,
                "Uitreiker", TODAY.minusYears(1), null, null, "accepted", 1L, Instant.now(), null, Instant.now());
    }

    private static Evidence withExpiry(Evidence e, LocalDate expires) {
        return new Evidence(e.id(), e.professionalId(), null, e.kind(), e.qualification(), e.level(), e.hours(),
                e.years(), e.issuer(), e.obtainedOn(), expires, null, e.status(), e.checkedBy(), e.checkedAt(), null,
                e.createdAt());
    }

    private static Evidence withStatus(Evidence e, String status) {
        return new Evidence(e.id(), e.professionalId(), null, e.kind(), e.qualification(), e.level(), e.hours(),
                e.years(), e.issuer(), e.obtainedOn(), e.expiresOn(), null, status, null, null, null, e.createdAt());
    }

    private Assessment assess(List<Evidence> file, Set<String> approved) {
        return RecognitionRules.assess(rules, file, approved, TODAY);
    }

    private static Assessment.Reason reason(Assessment a, String level, String criterion) {
        return a.reasons().get(level).stream().filter(r -> r.criterion().equals(criterion)).findFirst().orElseThrow();
    }

    private static boolean met(Assessment a, String level, String criterion) {
        return reason(a, level, criterion).met();
    }

    private static RuleSet withBasisHours(RuleSet base, String version, LocalDate from, double hours) {
        Map<String, RuleSet.LevelRule> levels = new LinkedHashMap<>(base.levels());
        RuleSet.LevelRule basis = levels.get(BASIS);
        levels.put(BASIS, new RuleSet.LevelRule(basis.label(), basis.basicEducationLists(),
                new RuleSet.ContinuingRule(basis.continuingEducation().levels(), hours), basis.permanentEducation(),
                basis.liabilityInsurance(), basis.associationMembership(), basis.experienceRoute()));
        return new RuleSet(version, from, base.source(), base.basicEducation(), levels, base.qualityLabels());
    }

    static RuleSet load(String resource) {
        try (InputStream in = RecognitionRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return ObjectMapper.getDefault().readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
