package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.SettableClock;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.kernel.Slugs;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition through the API on a real database: evidence sent by the professional counts only after an editor's
 * check; the level shows publicly with its date; the experience route goes to the committee; evidence that expires
 * takes the level away at the daily recheck.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecognitionServiceTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    RecognitionService recognition;
    @Inject
    SettableClock clock;

    ApiClient api;
    String editor;
    String reviewer;
    String chair;
    String member;
    String third;
    List<String> people;
    @Inject
    RuleBook rules;

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(server.getURL());
        TestAccounts.create(server.getApplicationContext(), "redactie@venpmg.be", "editor", null);
        editor = TestAccounts.bearer(api, "redactie@venpmg.be");
        TestAccounts.create(server.getApplicationContext(), "tweede@venpmg.be", "editor", null);
        reviewer = TestAccounts.bearer(api, "tweede@venpmg.be");
        TestAccounts.create(server.getApplicationContext(), "voorzitter@commissie.be", "commission", null);
        TestAccounts.create(server.getApplicationContext(), "lid@commissie.be", "commission", null);
        TestAccounts.create(server.getApplicationContext(), "derde@commissie.be", "commission", null);
        chair = TestAccounts.bearer(api, "voorzitter@commissie.be");
        member = TestAccounts.bearer(api, "lid@commissie.be");
        third = TestAccounts.bearer(api, "derde@commissie.be");
        try (Connection c = database.open()) {
            people = List.copyOf(new TreeSet<>(Sql.values(c,
                    "SELECT id FROM professional WHERE publication_status = 'published' AND consent_public")));
        }
    }

    @Test
    void theCriteriaArePublicInTheirOrderWithTheEvidenceThatMeetsThem() {
        JsonNode criteria = api.get("/api/v1/quality/criteria").json();
        assertEquals(6, criteria.size());
        assertEquals("basic_education", criteria.get(0).get("code").asText());
        assertEquals(3, criteria.get(2).get("number").asInt());
        assertEquals("[\"intervision\",\"supervision\"]", criteria.get(2).get("evidence_kinds").toString());
    }

    @Test
    void checkedEvidenceGivesALevelThatShowsPubliclyWithItsDate() throws Exception {
        String id = people.get(0);
        TestAccounts.create(server.getApplicationContext(), "vroedvrouw@praktijk.be", "professional", id);
        String me = TestAccounts.bearer(api, "vroedvrouw@praktijk.be");
        LocalDate day = LocalDate.now(clock);
        String today = day.toString();
        // Dates relative to the day the test runs: the insurance runs out 30 days from now, whatever the year.
        String insuredFrom = day.minusDays(300).toString();
        String insuredUntil = day.plusDays(30).toString();
        List<Map<String, Object>> file = List.of(
                Map.of("kind", "basic_education", "qualification", "vroedkunde", "issuer", "Artevelde Hogeschool",
                        "obtained_on", "2015-06-30", "document_ref", "diploma-2015.pdf"),
                Map.of("kind", "continuing_education", "level", "basis", "hours", 21, "issuer", "V.E.N.P.M.G.",
                        "qualification", "basiskennis_ppimh", "obtained_on", day.minusDays(200).toString()),
                Map.of("kind", "intervision", "issuer", "Intervisiegroep vroedvrouwen Gent",
                        "obtained_on", day.minusDays(100).toString()),
                Map.of("kind", "liability_insurance", "issuer", "Ethias", "obtained_on", insuredFrom,
                        "expires_on", insuredUntil),
                Map.of("kind", "association_membership", "issuer", "Vlaamse Beroepsorganisatie van Vroedvrouwen",
                        "obtained_on", insuredFrom));
        for (Map<String, Object> evidence : file) {
            assertEquals(201, api.post("/api/v1/me/evidence", me, evidence).status());
        }
        JsonNode mine = api.get("/api/v1/me/recognition", me).json();
        assertFalse(mine.hasNonNull("level"), "unchecked evidence does not count yet");

        for (JsonNode evidence : api.get("/api/v1/editor/evidence", editor).json()) {
            if (id.equals(evidence.get("professional_id").asText())) {
                assertEquals(200, api.post("/api/v1/editor/evidence/" + evidence.get("id").asText() + "/check", editor,
                        Map.of("accepted", true)).status());
            }
        }
        JsonNode now = api.get("/api/v1/me/recognition", me).json();
        assertEquals("basiszorgverlener", now.get("level").asText(), now.toString());
        assertEquals(today, now.get("since").asText());
        assertEquals(rules.activeOn(day).version(), now.get("rule_version").asText());
        // The certificate's address: anyone who has it sees the recognition, its issuer and the criteria.
        String code = now.get("verification_code").asText();
        ApiClient.Response certificate = api.get("/erkenning/" + code);
        assertEquals(200, certificate.status());
        assertTrue(certificate.body().contains("is erkend als"), certificate.body());
        assertTrue(certificate.body().contains("Perinatale mentale basiszorgverlener"));
        assertTrue(certificate.body().contains("Uitgereikt door"));
        assertTrue(certificate.body().contains("De kwaliteitscriteria"));
        assertEquals(404, api.get("/erkenning/" + "0".repeat(36)).status());

        IndexedCorpus.waitUntil(() -> foundAsRecognised(id), 5_000, "professionals can be filtered by recognition level");
        JsonNode profile = api.get("/api/v1/professionals/" + id).json();
        assertEquals("basiszorgverlener", profile.get("recognition").get("level").asText());
        String page = api.get("/hulpverlener/" + id + "/" + Slugs.of(profile.get("given_name").asText() + " "
                + profile.get("family_name").asText())).body();
        assertTrue(page.contains("Erkend als Perinatale mentale basiszorgverlener"), page);
        try (Connection c = database.open()) {
            assertEquals("recognition_changed", Sql.scalar(c, "SELECT action FROM revision WHERE entity_id = '" + id
                    + "' AND action = 'recognition_changed'"));
        }

        clock.set(day.plusDays(31).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant());
        try {
            assertEquals(1, recognition.recheck(), "the insurance expired yesterday");
            // A month later the session of December has expired too: sign in again.
            String later = TestAccounts.bearer(api, "vroedvrouw@praktijk.be");
            JsonNode lapsed = api.get("/api/v1/me/recognition", later).json();
            assertFalse(lapsed.hasNonNull("level"), lapsed.toString());
            assertTrue(lapsed.get("assessment").toString().contains("Beroepsaansprakelijkheidsverzekering: geen geldig bewijs"));
            assertFalse(api.get("/api/v1/professionals/" + id).json().hasNonNull("recognition"));
            assertEquals(404, api.get("/erkenning/" + code).status(), "a lapsed recognition no longer verifies");
            IndexedCorpus.waitUntil(() -> !foundAsRecognised(id), 5_000, "the lapsed level leaves the search filter");
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    /** Found by the recognition filter itself, not by the zero-result fallback that drops filters. */
    private boolean foundAsRecognised(String id) {
        JsonNode answer = api.get("/api/v1/search?kind=professional&recognition=basiszorgverlener&limit=100").json();
        boolean listed = false;
        for (JsonNode result : answer.path("results")) {
            listed |= id.equals(result.get("id").asText());
        }
        return listed && answer.path("widened").isEmpty();
    }

    @Test
    void theExperienceRouteGoesToTheCommitteeAndItsDecisionCounts() throws Exception {
        String id = people.get(1);
        String today = LocalDate.now(clock).toString();
        for (Map<String, Object> evidence : List.of(
                Map.<String, Object>of("kind", "clinical_experience", "years", 6, "issuer", "CGG Eclips",
                        "obtained_on", today),
                Map.<String, Object>of("kind", "continuing_education", "level", "basis", "hours", 24,
                        "issuer", "UPC KU Leuven", "obtained_on", today),
                Map.<String, Object>of("kind", "supervision", "issuer", "Supervisor", "obtained_on", today),
                Map.<String, Object>of("kind", "liability_insurance", "issuer", "Werkgever", "obtained_on", today))) {
            JsonNode added = api.post("/api/v1/editor/professionals/" + id + "/evidence", editor, evidence).json();
            assertEquals(403, api.post("/api/v1/editor/evidence/" + added.get("id").asText() + "/check", editor,
                    Map.of("accepted", true)).status(), "four eyes: who entered evidence does not accept it");
            assertEquals(200, api.post("/api/v1/editor/evidence/" + added.get("id").asText() + "/check", reviewer,
                    Map.of("accepted", true)).status());
        }
        JsonNode waiting = api.get("/api/v1/editor/professionals/" + id + "/recognition", editor).json();
        assertFalse(waiting.hasNonNull("level"), "no level before the committee decided");
        JsonNode files = api.get("/api/v1/editor/committee-files", editor).json();
        JsonNode file = null;
        for (JsonNode f : files) {
            if (id.equals(f.get("professional_id").asText())) {
                file = f;
            }
        }
        assertEquals("basiszorgverlener", file.get("level").asText(), files.toString());

        String votes = "/api/v1/commission/files/" + file.get("id").asLong() + "/votes";
        assertEquals(403, api.post(votes, editor, Map.of("vote", "approve", "reason", "x")).status(),
                "editors follow the files; only the commission decides");
        assertEquals(400, api.post(votes, chair, Map.of("vote", "approve")).status(), "a vote needs its reason");
        assertEquals("open", api.post(votes, chair, Map.of("vote", "approve", "reason",
                "Zes jaar perinatale praktijk, sterk dossier")).json().get("status").asText(), "one vote is no quorum");
        assertEquals("open", api.post(votes, member, Map.of("vote", "reject", "reason", "Twijfel over de supervisie"))
                .json().get("status").asText(), "one for, one against");
        JsonNode decided = api.post(votes, third, Map.of("vote", "approve", "reason", "Akkoord met de voorzitter")).json();
        assertEquals("approved", decided.get("status").asText(), decided.toString());
        assertTrue(decided.get("decision_reason").asText().contains("voorzitter@commissie.be: Zes jaar"));
        assertEquals("derde@commissie.be", decided.get("decided_by_name").asText());
        JsonNode recognised = api.get("/api/v1/editor/professionals/" + id + "/recognition", editor).json();
        assertEquals("basiszorgverlener", recognised.get("level").asText(), recognised.toString());
        assertEquals("experience", recognised.get("route").asText());
        assertEquals(409, api.post(votes, member, Map.of("vote", "reject", "reason", "te laat")).status(),
                "decided once");
        try (Connection c = database.open()) {
            assertEquals("3", Sql.scalar(c, "SELECT COUNT(*) FROM revision WHERE entity_id = '" + id
                    + "' AND action = 'committee_vote'"), "every vote is audited");
        }
    }

    @Test
    void aRejectedCommitteeFileLeavesNoLevelAndRefusedEvidenceNeedsAReason() throws Exception {
        String id = people.get(2);
        String today = LocalDate.now(clock).toString();
        JsonNode years = api.post("/api/v1/editor/professionals/" + id + "/evidence", editor, Map.of("kind",
                "clinical_experience", "years", 4, "issuer", "Praktijk", "obtained_on", today)).json();
        assertEquals(400, api.post("/api/v1/editor/evidence/" + years.get("id").asText() + "/check", editor,
                Map.of("accepted", false)).status());
        for (Map<String, Object> evidence : List.of(
                Map.<String, Object>of("kind", "continuing_education", "level", "basis", "hours", 20, "issuer", "X",
                        "obtained_on", today),
                Map.<String, Object>of("kind", "intervision", "issuer", "Y", "obtained_on", today),
                Map.<String, Object>of("kind", "liability_insurance", "issuer", "Z", "obtained_on", today))) {
            JsonNode added = api.post("/api/v1/editor/professionals/" + id + "/evidence", editor, evidence).json();
            api.post("/api/v1/editor/evidence/" + added.get("id").asText() + "/check", reviewer, Map.of("accepted", true));
        }
        api.post("/api/v1/editor/evidence/" + years.get("id").asText() + "/check", reviewer, Map.of("accepted", true));
        long fileId = -1;
        for (JsonNode f : api.get("/api/v1/editor/committee-files", editor).json()) {
            if (id.equals(f.get("professional_id").asText())) {
                fileId = f.get("id").asLong();
            }
        }
        // The commission first asks for more; the professional's new evidence brings the file back, votes cleared.
        String files = "/api/v1/commission/files/" + fileId;
        assertEquals(400, api.post(files + "/question", chair, Map.of("question", " ")).status());
        api.post(files + "/votes", member, Map.of("vote", "reject", "reason", "Eerste indruk"));
        assertEquals("more_info", api.post(files + "/question", chair, Map.of("question",
                "Welke perinatale casussen begeleidde je?")).json().get("status").asText());
        assertEquals(409, api.post(files + "/votes", member, Map.of("vote", "reject", "reason", "x")).status(),
                "no vote while the file waits for the professional");
        assertEquals(1, api.get("/api/v1/commission/files?status=more_info", chair).json().size());
        api.post("/api/v1/editor/professionals/" + id + "/evidence", editor, Map.of("kind", "lived_experience",
                "years", 2, "issuer", "Familieplatform", "obtained_on", today));
        JsonNode back = api.get(files, chair).json();
        assertEquals("open", back.get("file").get("status").asText(), back.toString());
        assertEquals(0, back.get("file").get("votes").size(), "votes cast before the answer no longer stand");
        assertEquals(List.of("lid@commissie.be (commission)", "voorzitter@commissie.be (commission)"),
                List.of(back.get("members").get(0).asText(), back.get("members").get(1).asText()));
        assertTrue(back.toString().contains("answered"), "the answer is in the file's history");
        api.post(files + "/votes", chair, Map.of("vote", "reject", "reason", "Ervaring niet perinataal"));
        JsonNode rejected = api.post(files + "/votes", member, Map.of("vote", "reject", "reason",
                "Ervaring niet perinataal")).json();
        assertEquals("rejected", rejected.get("status").asText());
        assertFalse(api.get("/api/v1/editor/professionals/" + id + "/recognition", editor).json().hasNonNull("level"));
        assertTrue(api.get("/api/v1/editor/committee-files?status=rejected", editor).body().contains("niet perinataal"));
        assertFalse(api.get("/api/v1/editor/committee-files", editor).body().contains(id),
                "a rejected file is not reopened until new evidence arrives");
    }

    @Test
    void evidenceInputIsValidated() {
        String id = people.get(0);
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("kind", "diploma", "issuer", "x", "obtained_on", "2020-01-01"),
                Map.<String, Object>of("kind", "basic_education", "qualification", "astrologie", "issuer", "x",
                        "obtained_on", "2020-01-01"),
                Map.<String, Object>of("kind", "continuing_education", "issuer", "x", "obtained_on", "2020-01-01"),
                Map.<String, Object>of("kind", "intervision", "issuer", "x", "obtained_on", "2999-01-01"),
                Map.<String, Object>of("kind", "intervision", "issuer", "x", "obtained_on", "2020-01-01",
                        "expires_on", "2019-01-01"),
                Map.<String, Object>of("kind", "quality_label", "qualification", "good_practice_logo", "issuer", "x",
                        "obtained_on", "2020-01-01"))) {
            ApiClient.Response refused = api.post("/api/v1/editor/professionals/" + id + "/evidence", editor, bad);
            assertEquals(400, refused.status(), bad + " → " + refused.body());
            assertEquals("application/problem+json", refused.contentType());
        }
    }

    @Test
    void organisationQualityLabelsShowOnceChecked() throws Exception {
        String organization;
        try (Connection c = database.open()) {
            organization = new TreeSet<>(Sql.values(c, "SELECT id FROM organization WHERE publication_status = 'published'"))
                    .first();
        }
        JsonNode label = api.post("/api/v1/editor/organizations/" + organization + "/evidence", editor, Map.of(
                "kind", "quality_label", "qualification", "baby_friendly_hospital", "issuer", "UNICEF / WHO",
                "obtained_on", "2024-05-01", "expires_on", "2029-05-01")).json();
        assertFalse(api.get("/api/v1/organizations/" + organization).json().has("quality_labels"),
                "unchecked evidence is no label");
        assertEquals(403, api.post("/api/v1/editor/evidence/" + label.get("id").asText() + "/check", editor,
                Map.of("accepted", true)).status(), "four eyes");
        api.post("/api/v1/editor/evidence/" + label.get("id").asText() + "/check", reviewer, Map.of("accepted", true));
        assertEquals("Baby Friendly Hospital",
                api.get("/api/v1/organizations/" + organization).json().get("quality_labels").get(0).asText());
    }
}
