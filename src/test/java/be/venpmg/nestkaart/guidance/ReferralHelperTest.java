package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral helper against the report's referral paths (V.E.N.P.M.G.-rapport 2021): each case is a situation the
 * report describes, with the page it is described on, the care lines and modules the report recommends there, and
 * the rule expected to decide. The rule must also cite that page, so the answer stays traceable.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralHelperTest implements MariaDbTestSupport {
    @Inject
    ReferralHelper helper;
    @Inject
    EmbeddedServer server;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
    }

    /** A referral path of the report: the situation, the page, and what the report recommends. */
    record Case(String path, int page, ReferralSituation situation, String rule, List<String> carelines,
                List<String> modules, boolean urgent) {
        @Override
        public String toString() {
            return "p. " + page + ": " + path;
        }
    }

    private static ReferralSituation s(String concern, String severity, boolean danger, String phase, Integer weeks,
                                       Integer months, Boolean history, String support, Boolean childSafety) {
        return new ReferralSituation(concern, severity, danger, phase, weeks, months, history, support, childSafety,
                null);
    }

    static Stream<Case> reportPaths() {
        return Stream.of(
                new Case("suïcidegedachten bij een moeder: met bekwame spoed gespecialiseerde hulp (matched care)", 19,
                        s("ppd", "severe", true, "postpartum", null, 2, null, null, null),
                        "acute-danger", List.of("3"), List.of("m2"), true),
                new Case("acute fase, zwanger: mobiel crisisteam aan huis", 54,
                        s("antenatal", "moderate", true, "pregnancy", 20, null, null, null, null),
                        "acute-danger", List.of("3"), List.of("m2"), true),
                new Case("postpartumpsychose: opname moeder samen met de baby", 58,
                        s("psychosis", "severe", false, "postpartum", null, 1, null, "enough", null),
                        "postpartum-psychosis", List.of("3"), List.of("m5"), true),
                new Case("extreem huilgedrag bij de baby: acute situatie, gespecialiseerde hulp met spoed", 19,
                        s("regulation", "severe", false, "postpartum", null, 3, null, null, null),
                        "severe-regulation", List.of("3"), List.of("m1", "m2"), true),
                new Case("verregaande verontrusting rond de veiligheid van het jonge kind: zorggarantie", 47,
                        s("vulnerable", "moderate", false, "postpartum", null, 6, null, null, true),
                        "child-safety-zorggarantie", List.of("1", "2", "3"), List.of("m2"), false),
                new Case("ernstige problemen na de geboorte, thuis niet veilig te behandelen: M.B.E.-opname", 57,
                        s("ppd", "severe", false, "postpartum", null, 2, null, "limited", null),
                        "severe-postpartum-not-safe-at-home", List.of("3"), List.of("m5"), false),
                new Case("ernstige problemen na de geboorte, opname (nog) niet nodig: thuisbehandeling 3de lijn", 55,
                        s("ppd", "severe", false, "postpartum", null, 4, null, "enough", null),
                        "severe-postpartum", List.of("3"), List.of("m2"), false),
                new Case("ernstige angst na de bevalling: rechtstreeks appèl op de 3de lijn", 20,
                        s("anxiety", "severe", false, "postpartum", null, 1, null, null, null),
                        "severe-postpartum", List.of("3"), List.of("m2", "m4"), false),
                new Case("laatste 4 weken van de zwangerschap, thuis niet veilig: opname in een M.B.E.", 57,
                        s("antenatal", "severe", false, "pregnancy", 37, null, null, "limited", null),
                        "severe-late-pregnancy-not-safe-at-home", List.of("3"), List.of("m5"), false),
                new Case("1ste of 2de trimester, opname nodig: psychiatrische afdeling met liaison", 57,
                        s("antenatal", "severe", false, "pregnancy", 18, null, null, "limited", null),
                        "severe-early-pregnancy-not-safe-at-home", List.of("2", "3"), List.of("m3"), false),
                new Case("3de trimester, opname nodig: risico op breuken in de zorg", 57,
                        s("smi", "severe", false, "pregnancy", 31, null, null, "limited", null),
                        "severe-third-trimester-not-safe-at-home", List.of("3"), List.of("m2", "m3"), false),
                new Case("ernstige problemen, 16 weken zwanger: dagbehandeling voor zwangere vrouwen kan", 57,
                        s("antenatal", "severe", false, "pregnancy", 16, null, null, "enough", null),
                        "severe-pregnancy-day-treatment", List.of("3"), List.of("m4", "m1"), false),
                new Case("ernstige problemen, 8 weken zwanger: 3de lijn, nog geen dagbehandeling", 20,
                        s("anxiety", "severe", false, "pregnancy", 8, null, null, null, null),
                        "severe-pregnancy", List.of("3"), List.of("m1", "m2"), false),
                new Case("voorkennis van pathologie (bipolaire stoornis), zwanger: meer intensieve hulp vooraf", 19,
                        s("smi", "mild", false, "pregnancy", 14, null, true, null, null),
                        "known-history-in-pregnancy", List.of("3"), List.of("m1", "m3"), false),
                new Case("matige angst tijdens de zwangerschap: 2de lijn (stepped care)", 20,
                        s("anxiety", "moderate", false, "pregnancy", 22, null, false, null, null),
                        "moderate", List.of("2"), List.of("m1"), false),
                new Case("matige postpartumdepressie: 2de lijn, modules 1 tot 3", 52,
                        s("ppd", "moderate", false, "postpartum", null, 3, null, null, null),
                        "moderate", List.of("2"), List.of("m1", "m2", "m3"), false),
                new Case("lichte klachten na de bevalling: eerst expertise naar het basiszorgtraject", 18,
                        s("ppd", "mild", false, "postpartum", null, 1, null, null, null),
                        "mild", List.of("0", "1"), List.of(), false),
                new Case("lichte klachten tijdens de zwangerschap: 0de en 1ste lijn, met liaison", 56,
                        s("antenatal", "mild", false, "pregnancy", 25, null, false, null, null),
                        "mild", List.of("0", "1"), List.of("m3"), false),
                new Case("wensouders met een ernstige psychiatrische problematiek: hooggespecialiseerd centrum 3de lijn",
                        32, s("fertility", "severe", false, "preconception", null, null, null, null, null),
                        "preconception-specialised", List.of("3"), List.of("m1"), false),
                new Case("kinderwens bij middelengebruik: counseling op de 3de lijn", 32,
                        s("substance", "mild", false, "preconception", null, null, null, null, null),
                        "preconception-history-or-substance", List.of("3"), List.of("m1"), false),
                new Case("kinderwens met voorgeschiedenis van een ernstige psychiatrische aandoening: preconceptie-advies",
                        24, s("smi", "moderate", false, "preconception", null, null, true, null, null),
                        "preconception-history-or-substance", List.of("3"), List.of("m1"), false),
                new Case("preconceptionele psychopathologie, gesprekken in de basiszorg volstaan niet: 2de lijn", 32,
                        s("fertility", "moderate", false, "preconception", null, null, null, null, null),
                        "preconception-moderate", List.of("2"), List.of("m1"), false),
                new Case("kinderwens met lichte klachten: gesprekken bij basiszorgverleners", 32,
                        s("fertility", "mild", false, "preconception", null, null, null, null, null),
                        "preconception-mild", List.of("1"), List.of(), false),
                new Case("regulatieproblemen van de baby: ondersteuning door de eerstelijnspsycholoog", 45,
                        s("regulation", "mild", false, "postpartum", null, 4, null, null, null),
                        "regulation-mild", List.of("0", "1"), List.of(), false),
                new Case("moeilijke afstemming ouder en baby: C.G.G.-moeder-babysessies aan huis", 55,
                        s("bonding", "moderate", false, "postpartum", null, 7, null, null, null),
                        "bonding-moderate", List.of("2"), List.of("m2"), false),
                new Case("middelengebruik tijdens de zwangerschap: verslavingszorg met perinatale expertise", 75,
                        s("substance", "moderate", false, "pregnancy", 20, null, null, null, null),
                        "substance-in-pregnancy", List.of("2"), List.of("m1"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportPaths")
    void theHelperGivesTheReportsAnswer(Case path) {
        ReferralHelper.Decision decision = helper.decide(path.situation());
        assertEquals(path.rule(), decision.rule().id(), path.toString());
        assertEquals(path.carelines(), decision.rule().then().carelines(), path.toString());
        assertTrue(decision.rule().then().modules().containsAll(path.modules()),
                path + ": modules " + decision.rule().then().modules());
        assertEquals(path.urgent(), "now".equals(decision.rule().then().speed()), path.toString());
        assertTrue(decision.rule().sources().stream().anyMatch(s -> s.page() == path.page()),
                path + ": the rule cites " + decision.rule().sources());
        // Wraparound care: the first-line carer stays involved in every answer.
        assertTrue(decision.notes().stream().anyMatch(n -> n.id().equals("wraparound")));
        assertEquals(decision.rule().then().carelines().contains("3"),
                decision.notes().stream().anyMatch(n -> n.id().equals("after-third-line")), path.toString());
    }

    @Test
    void everyCodeTheRulesNameIsATermOfTheTaxonomy() {
        JsonNode rules = api.get("/api/v1/referral-rules").json();
        JsonNode taxonomies = api.get("/api/v1/taxonomies").json();
        java.util.Map<String, java.util.Set<String>> codes = new java.util.HashMap<>();
        taxonomies.forEach(t -> t.get("terms").forEach(term -> codes.computeIfAbsent(t.get("name").asText(),
                k -> new java.util.HashSet<>()).add(term.get("code").asText())));
        for (JsonNode rule : rules.get("rules")) {
            JsonNode then = rule.get("then");
            then.get("carelines").forEach(c -> assertTrue(codes.get("nestkaart-careline").contains(c.asText()), c.asText()));
            then.get("modules").forEach(c -> assertTrue(codes.get("nestkaart-module").contains(c.asText()), c.asText()));
            then.path("programmes").forEach(c -> assertTrue(codes.get("nestkaart-programme").contains(c.asText()),
                    c.asText()));
            rule.path("when").path("concern").forEach(c -> assertTrue(codes.get("nestkaart-problem")
                    .contains(c.asText()), c.asText()));
            assertFalse(rule.get("source").isEmpty(), rule.get("id").asText());
        }
    }

    @Test
    void theAdviceNamesServicesNearbyAndRefusesWhatItCannotUse() throws Exception {
        String situation = "/api/v1/referral-advice?concern=ppd&severity=moderate&phase=postpartum"
                + "&baby_age_months=3&postcode=9000";
        // The seed's services reach the index shortly after start: wait for them, not for a fixed time.
        IndexedCorpus.waitUntil(() -> !api.get(situation).json().get("services").isEmpty(), 30_000,
                "services of the 2nd line near Gent in the index");
        JsonNode advice = api.get(situation).json();
        assertEquals("moderate", advice.get("rule").asText());
        assertEquals("Gent", advice.get("place").get("municipality").asText());
        assertFalse(advice.get("services").isEmpty(), advice.toString());
        advice.get("services").forEach(s -> assertTrue(s.get("terms").get("careline").toString().contains("\"2\""),
                s.toString()));
        assertTrue(advice.get("search_path").asText().contains("careline=2"));

        for (String bad : List.of("severity=extreme&phase=postpartum", "severity=mild",
                "severity=mild&phase=pregnancy&pregnancy_weeks=60", "severity=mild&phase=pregnancy&concern=onbekend",
                "severity=mild&phase=pregnancy&postcode=0000", "severity=mild&phase=pregnancy&danger=misschien")) {
            ApiClient.Response refused = api.get("/api/v1/referral-advice?" + bad);
            assertEquals(400, refused.status(), bad + " → " + refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), bad);
        }
        String page = api.get("/verwijshulp?concern=ppd&severity=severe&phase=postpartum&home_support=limited"
                + "&postcode=2000").body();
        assertTrue(page.contains("Module 5: residentieel"), "the page answers without JavaScript");
        assertTrue(page.contains("Rapport p. 57"), "with its source");
    }
}
