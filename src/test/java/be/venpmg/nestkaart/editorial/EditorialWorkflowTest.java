package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.search.IndexMaintainer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editorial workflow end to end over HTTP, on the seed data in a real MariaDB and a real index: suggestion →
 * draft → review → publication by a second editor → searchable; revisions with field diffs; four eyes; archive;
 * freshness; a professional's self-service; erasure.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorialWorkflowTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    IndexMaintainer maintainer;
    @Inject
    be.venpmg.nestkaart.SettableClock clock;
    @Inject
    be.venpmg.nestkaart.search.Suggester suggester;

    ApiClient api;
    String anna;
    String bert;
    String admin;

    @BeforeAll
    void accounts() throws Exception {
        api = new ApiClient(server.getURL());
        TestAccounts.create(server.getApplicationContext(), "anna@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "bert@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "admin@venpmg.be", "admin", null);
        anna = TestAccounts.bearer(api, "anna@venpmg.be");
        bert = TestAccounts.bearer(api, "bert@venpmg.be");
        admin = TestAccounts.bearer(api, "admin@venpmg.be");
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
    }

    @Test
    void suggestionBecomesADraftThatASecondEditorPublishesAndSearchFinds() throws Exception {
        String serviceId = firstPublished("service");
        ApiClient.Response form = api.send("POST", "/meld-een-wijziging", null,
                "listing_type=service&listing_id=" + serviceId + "&message=" + enc("Nieuw: ook consult via videobellen"),
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(303, form.status());
        JsonNode queue = ok(api.get("/api/v1/editor/suggestions", anna));
        long suggestion = queue.get(0).get("id").asLong();

        JsonNode draft = created(api.post("/api/v1/editor/suggestions/" + suggestion + "/accept", anna, Map.of()));
        long change = draft.get("id").asLong();
        assertEquals("draft", draft.get("status").asText());
        assertTrue(draft.get("reason").asText().contains("videobellen"), "the suggestion travels as the reason");
        assertEquals("accepted", ok(api.get("/api/v1/editor/suggestions?status=accepted", anna)).get(0).get("status").asText());

        String before = draft.get("current").get("description").asText();
        String description = before + " Ook videoconsultatie (zwrkplunktest) mogelijk.";
        ok(api.put("/api/v1/editor/changes/" + change, anna, Map.of("fields", Map.of("description", description,
                "waiting_weeks", 4), "reason", "Melding nagekeken bij de dienst")));
        waitForIndex();
        assertEquals(0, total("zwrkplunktest"), "an unpublished draft never reaches the index");

        ok(api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()));
        ApiClient.Response own = api.approve(change, anna, null);
        assertEquals(403, own.status(), "four eyes: the author cannot publish");
        assertTrue(own.body().contains("Four eyes"));
        assertEquals(0, total("zwrkplunktest"));

        JsonNode published = ok(api.approve(change, bert, "ok"));
        assertEquals("published", published.get("status").asText());
        IndexedCorpus.waitUntil(() -> total("zwrkplunktest") == 1, 2_000, "the published change is searchable");

        JsonNode history = ok(api.get("/api/v1/editor/listings/service/" + serviceId, anna)).get("history");
        JsonNode publication = history.get(0);
        assertEquals("published", publication.get("action").asText());
        assertEquals("bert@venpmg.be (editor)", publication.get("actor").asText());
        assertTrue(publication.get("reason").asText().contains("Melding nagekeken"));
        assertEquals(before, publication.get("changes").get("description").get("from").asText());
        assertEquals(description, publication.get("changes").get("description").get("to").asText());
        assertEquals(4, publication.get("changes").get("waiting_weeks").get("to").asInt());
        assertFalse(publication.get("changes").has("name"), "unchanged fields are not in the diff");
        List<String> actions = actions(history);
        assertTrue(actions.containsAll(List.of("published", "submitted_for_review", "draft_edited", "draft_created",
                "suggestion_accepted")), actions.toString());
        assertEquals(4, ok(api.get("/api/v1/services/" + serviceId)).get("waiting_time").get("weeks").asInt());
    }

    @Test
    void aServiceAreaSetByEditorsBringsTheServiceIntoNearSearchesAndRegionFiltersOfThatArea() throws Exception {
        String organization = firstPublished("organization");
        ApiClient.Response unknown = api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "Werkgebiedtest", "description", "x",
                        "service_areas", List.of("Atlantis"))));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("service_areas") && unknown.body().contains("Atlantis"), unknown.body());

        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw aanbod",
                "fields", Map.of("organization_id", organization, "name", "Babyconsult aan huis (grutto)",
                        "description", "Een vroedvrouw komt langs na de bevalling.",
                        "service_areas", List.of("provincie Limburg", "Gent")))));
        assertEquals(List.of("province=Limburg", "municipality=Gent"),
                JSON_LIST.apply(draft.get("proposed").get("service_areas")), "areas are kept by their key");
        long change = draft.get("id").asLong();
        ok(api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()));
        ok(api.approve(change, bert, null));
        String id = draft.get("entity_id").asText();
        IndexedCorpus.waitUntil(() -> total("grutto") == 1, 2_000, "new listing searchable");

        JsonNode nearGenk = api.get("/api/v1/search?limit=100&q=grutto&near=Genk").json();
        JsonNode found = nearGenk.get("results").get(0);
        assertEquals(id, found.get("id").asText(), "a service without a place is found near a place its area covers");
        assertEquals("provincie Limburg", found.get("areas").get(0).get("label").asText());
        assertFalse(api.get("/api/v1/search?limit=100&q=zwangerschap&near=Brugge").body().contains(id),
                "not near a place outside its areas");
        assertTrue(api.get("/api/v1/search?limit=100&q=zwangerschap&near=Brugge&radius_km=5").json().get("total")
                .asInt() > 0);
        assertTrue(api.get("/api/v1/search?limit=100&q=grutto&municipality=Gent").body().contains(id));
        assertTrue(api.get("/api/v1/search?limit=100&q=grutto&province=Limburg").body().contains(id));
        assertTrue(api.get("/api/v1/search?limit=100&q=grutto&municipality=Hasselt").body().contains(id),
                "a province's service serves each of its municipalities");
        assertFalse(api.get("/api/v1/search?limit=100&q=grutto&province=Antwerpen").body().contains(id));

        JsonNode detail = ok(api.get("/api/v1/services/" + id));
        assertEquals("gemeente Gent", detail.get("service_areas").get(1).get("label").asText());
        ApiClient.Response redirect = api.get("/aanbod/" + id);
        String page = redirect.status() / 100 == 3 ? api.get(redirect.header("Location")).body() : redirect.body();
        assertTrue(page.contains("Werkgebied") && page.contains("provincie Limburg, gemeente Gent"), page);
        JsonNode hsds = ok(api.get("/hsds/services/" + id));
        List<String> uris = new java.util.ArrayList<>();
        hsds.get("service_areas").forEach(a -> uris.add(a.get("uri").asText()));
        assertTrue(uris.containsAll(List.of("urn:nestkaart:werkgebied:province=Limburg",
                "urn:nestkaart:werkgebied:municipality=Gent")), uris.toString());
    }

    /** Every fact a parent needs is edited through review: the place, phone, hours, languages and costs. */
    @Test
    void aServiceWithItsPlacePhoneHoursLanguagesAndCostsIsEditedThroughReviewAndFoundNearby() throws Exception {
        String organization = firstPublished("organization");
        ApiClient.Response badPostcode = api.post("/api/v1/editor/listings/location", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "Nergens",
                        "addresses", List.of(Map.of("address_1", "Straat 1", "postal_code", "0000")))));
        assertEquals(400, badPostcode.status(), badPostcode.body());
        assertTrue(badPostcode.body().contains("addresses") && badPostcode.body().contains("postcode"), badPostcode.body());

        JsonNode place = created(api.post("/api/v1/editor/listings/location", anna, Map.of("reason", "Nieuwe locatie",
                "fields", Map.of("organization_id", organization, "name", "Consultatiepunt Kievit",
                        "addresses", List.of(Map.of("address_1", "Bruul 1", "postal_code", "2800"))))));
        assertTrue(place.get("proposed").get("latitude").asDouble() > 50.9, "the postcode places the location");
        ok(api.post("/api/v1/editor/changes/" + place.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(place.get("id").asLong(), bert, null));
        String location = place.get("entity_id").asText();

        ApiClient.Response override = api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "\u202eknilcnuf", "description", "x")));
        assertEquals(400, override.status(), "a text-direction override does not enter (red-team finding)");
        assertTrue(override.body().contains("\"name\""), override.body());

        ApiClient.Response badPhone = api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "x", "description", "x",
                        "phones", List.of(Map.of("number", "bel me")))));
        assertEquals(400, badPhone.status());
        assertTrue(badPhone.body().contains("phones") && badPhone.body().contains("telefoonnummer"), badPhone.body());

        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw aanbod",
                "fields", Map.of("organization_id", organization, "name", "Kievitconsult",
                        "description", "Gesprekken voor ouders die somber zijn na de bevalling.",
                        "location_ids", List.of(location),
                        "phones", List.of(Map.of("number", "015 27 19 00", "type", "voice")),
                        "schedules", List.of(Map.of("byday", "ma, wo", "opens_at", "9u00", "closes_at", "17:00")),
                        "languages", List.of(Map.of("code", "nl"), Map.of("code", "FR")),
                        "cost_options", List.of(Map.of("option_text", "Consult", "amount", "25,50",
                                "reimbursement", "remgeld"))))));
        JsonNode hours = draft.get("proposed").get("schedules").get(0);
        assertEquals("MO,WE", hours.get("byday").asText());
        assertEquals("09:00", hours.get("opens_at").asText());
        ok(api.post("/api/v1/editor/changes/" + draft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(draft.get("id").asLong(), bert, null));
        String service = draft.get("entity_id").asText();
        IndexedCorpus.waitUntil(() -> total("kievitconsult") == 1, 2_000, "the new service is searchable");

        JsonNode found = ok(api.get("/api/v1/search?q=kievitconsult&near=Mechelen&radius_km=5"));
        assertEquals(service, found.get("results").get(0).get("id").asText(), found.toString());
        assertEquals("015 27 19 00", found.get("results").get(0).get("phones").get(0).asText(), "the card has the phone");
        JsonNode detail = ok(api.get("/api/v1/services/" + service));
        assertEquals("015 27 19 00", detail.get("phones").get(0).get("number").asText());
        assertEquals("Mechelen", detail.get("locations").get(0).get("addresses").get(0).get("municipality").asText());
        assertEquals(List.of("fr", "nl"), JSON_LIST.apply(detail.get("languages")).stream().sorted().toList());
        assertEquals("remgeld", detail.get("cost_options").get(0).get("reimbursement").asText());
        assertEquals(25.5, detail.get("cost_options").get(0).get("amount").asDouble());

        // A row id of another listing never reaches that listing's row.
        String foreignPhone;
        try (Connection c = database.open()) {
            foreignPhone = Sql.scalar(c, "SELECT id FROM phone WHERE service_id <> '" + service + "' LIMIT 1");
        }
        JsonNode hijack = created(api.post("/api/v1/editor/listings/service/" + service + "/changes", anna,
                Map.of("reason", "Tweede nummer", "fields", Map.of("phones", List.of(
                        Map.of("id", ok(api.get("/api/v1/editor/listings/service/" + service, anna)).get("live")
                                .get("fields").get("phones").get(0).get("id").asText(), "number", "015 27 19 00"), Map.of("id", foreignPhone, "number", "0470 00 00 00"))))));
        ok(api.post("/api/v1/editor/changes/" + hijack.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(hijack.get("id").asLong(), bert, null));
        try (Connection c = database.open()) {
            assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM phone WHERE id = '" + foreignPhone
                    + "' AND number = '0470 00 00 00'"));
            assertEquals("2", Sql.scalar(c, "SELECT COUNT(*) FROM phone WHERE service_id = '" + service + "'"));
        }
    }

    /** A suggestion that names the fact and its new value becomes a prefilled draft; one that says nothing yet is not sent. */
    @Test
    void aSuggestedPhoneNumberBecomesARealDraftAndAnEmptyChangeIsNotSent() throws Exception {
        String serviceId = firstPublished("service");
        assertEquals(303, api.send("POST", "/meld-een-wijziging", null, "listing_type=service&listing_id=" + serviceId
                + "&fact=phone&proposed_value=" + enc("03 123 45 67") + "&message=",
                "Content-Type", "application/x-www-form-urlencoded").status());
        assertEquals(303, api.send("POST", "/meld-een-wijziging", null, "listing_type=service&listing_id=" + serviceId
                + "&fact=other&message=" + enc("De naam van de vroedvrouw is veranderd (kemphaan)"),
                "Content-Type", "application/x-www-form-urlencoded").status());
        long phone = -1;
        long other = -1;
        for (JsonNode suggestion : ok(api.get("/api/v1/editor/suggestions", anna))) {
            if ("03 123 45 67".equals(suggestion.path("proposed_value").asText())) {
                phone = suggestion.get("id").asLong();
            }
            if (suggestion.get("message").asText().contains("kemphaan")) {
                other = suggestion.get("id").asLong();
            }
        }
        JsonNode draft = created(api.post("/api/v1/editor/suggestions/" + phone + "/accept", anna, Map.of()));
        assertEquals("03 123 45 67", draft.get("proposed").get("phones").get(0).get("number").asText(), draft.toString());
        assertTrue(draft.get("reason").asText().contains("Het telefoonnummer"), draft.get("reason").asText());
        ok(api.post("/api/v1/editor/changes/" + draft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(draft.get("id").asLong(), bert, null));
        assertEquals("03 123 45 67", ok(api.get("/api/v1/services/" + serviceId)).get("phones").get(0).get("number")
                .asText());

        JsonNode empty = created(api.post("/api/v1/editor/suggestions/" + other + "/accept", anna, Map.of()));
        ApiClient.Response sent = api.post("/api/v1/editor/changes/" + empty.get("id").asLong() + "/submit", anna,
                Map.of());
        assertEquals(409, sent.status(), "a change that changes nothing is not sent for review");
        assertTrue(sent.body().contains("verandert nog niets"), sent.body());
    }

    /**
     * A reported availability ages: with its date on the card while it is believed; past the configured age (90 days)
     * it shows as unknown, leaves the waiting-time filter and goes to the editors' list. A verified service carries
     * its date as HSDS assured_date.
     */
    @Test
    void aReportedWaitingTimeShowsItsDateAndAfterNinetyDaysCountsAsUnknown() throws Exception {
        String organization = firstPublished("organization");
        String today = java.time.LocalDate.now(clock).toString();
        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "Wulpconsult", "description", "Gesprekken",
                        "waiting_weeks", 2, "waiting_reported_on", today, "accepting_new", "yes",
                        "referral_route", "via_huisarts", "age_min_months", 0, "age_max_months", 12,
                        "offer_status", "pilot"))));
        assertTrue(draft.get("proposed").get("referral_required").asBoolean(), "the route in decides the referral");
        ok(api.post("/api/v1/editor/changes/" + draft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(draft.get("id").asLong(), bert, null));
        String service = draft.get("entity_id").asText();
        IndexedCorpus.waitUntil(() -> total("wulpconsult") == 1, 2_000, "searchable");
        JsonNode card = ok(api.get("/api/v1/search?q=wulpconsult&max_waiting_weeks=4")).get("results").get(0);
        assertEquals(2, card.get("waiting_time").get("weeks").asInt(), card.toString());
        assertEquals(today, card.get("waiting_time").get("reported_on").asText());
        assertEquals("yes", card.get("waiting_time").get("accepting_new").asText());
        String page = api.get("/aanbod/" + service + "/wulpconsult").body();
        assertTrue(page.contains("vandaag") && page.contains("Via je huisarts") && page.contains("Pilootproject")
                && page.contains("Kinderen van 0 tot 12 maanden"), page);
        assertEquals(today, ok(api.get("/hsds/services/" + service)).get("assured_date").asText(),
                "the editors' check is the HSDS assured_date");
        try {
            clock.set(java.time.Instant.now().plus(java.time.Duration.ofDays(100)));
            maintainer.requeueDated();
            waitForIndex();
            JsonNode aged = ok(api.get("/api/v1/search?q=wulpconsult")).get("results").get(0);
            assertTrue(aged.get("waiting_time").get("outdated").asBoolean(), aged.toString());
            assertFalse(aged.get("waiting_time").has("weeks"), "an outdated figure is not shown");
            assertEquals(0, ok(api.get("/api/v1/search?q=wulpconsult&max_waiting_weeks=4")).get("total").asInt(),
                    "an outdated figure leaves the waiting-time filter");
            assertTrue(api.get("/aanbod/" + service + "/wulpconsult").body().contains("Onbekend"));
            boolean listed = false;
            String later = TestAccounts.bearer(api, "anna@venpmg.be"); // a session from 100 days ago has ended
            for (JsonNode due : ok(api.get("/api/v1/editor/stale?limit=1000", later))) {
                listed |= service.equals(due.get("entity_id").asText()) && "availability".equals(due.get("why").asText());
            }
            assertTrue(listed, "the editors see the outdated availability");
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    /**
     * HSDS consumers sync by modified_after: a service's last_modified moves when a record nested in it changes (here
     * its location), dated by the application's clock, and the service is then among the changed ones.
     */
    @Test
    void aChangedLocationDatesItsServicesInHsdsByTheApplicationsClock() throws Exception {
        String organization = firstPublished("organization");
        JsonNode place = created(api.post("/api/v1/editor/listings/location", anna, Map.of("reason", "Nieuwe locatie",
                "fields", Map.of("organization_id", organization, "name", "Consultatiepunt Grutto",
                        "addresses", List.of(Map.of("address_1", "Markt 3", "postal_code", "3000"))))));
        ok(api.post("/api/v1/editor/changes/" + place.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(place.get("id").asLong(), bert, null));
        String location = place.get("entity_id").asText();
        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw aanbod",
                "fields", Map.of("organization_id", organization, "name", "Gruttoconsult", "description", "Gesprekken",
                        "location_ids", List.of(location)))));
        ok(api.post("/api/v1/editor/changes/" + draft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(draft.get("id").asLong(), bert, null));
        String service = draft.get("entity_id").asText();
        String before = ok(api.get("/hsds/services/" + service)).get("last_modified").asText();
        java.time.Instant later = java.time.Instant.parse("2031-03-01T10:00:00Z");
        try {
            clock.set(later);
            String editor = TestAccounts.bearer(api, "anna@venpmg.be");
            String reviewer = TestAccounts.bearer(api, "bert@venpmg.be");
            JsonNode change = created(api.post("/api/v1/editor/listings/location/" + location + "/changes", editor,
                    Map.of("reason", "Bereikbaarheid", "fields", Map.of("transportation", "Bus 5, halte Kerk"))));
            ok(api.post("/api/v1/editor/changes/" + change.get("id").asLong() + "/submit", editor, Map.of()));
            ok(api.approve(change.get("id").asLong(), reviewer, null));
        } finally {
            clock.set(java.time.Instant.now());
        }
        String after = ok(api.get("/hsds/services/" + service)).get("last_modified").asText();
        assertTrue(after.startsWith("2031-03-01T10:0"), before + " then " + after);
        JsonNode changed = ok(api.get("/hsds/services?per_page=500&modified_after=2031-03-01T00:00:00Z"));
        assertTrue(changed.get("contents").findValuesAsText("id").contains(service), changed.toString());
        assertTrue(changed.get("total_items").asInt() < 20, "only what changed then");
        JsonNode metadata = ok(api.get("/hsds/services/" + service)).at("/service_at_locations/0/location/metadata/0");
        assertEquals("published", metadata.get("last_action_type").asText(), metadata.toString());
        assertEquals("2031-03-01", metadata.get("last_action_date").asText());
        assertEquals("transportation", metadata.get("field_name").asText());
        assertEquals("Nestkaart (editor)", metadata.get("updated_by").asText(), "a role, not the editor's address");
    }

    /**
     * A representative claims an organisation through its public page; the account waits for an editor; once
     * confirmed they report availability and change the organisation through review, and nothing of another one.
     */
    @Test
    void aConfirmedRepresentativeKeepsTheirOrganisationCurrentThroughReview() throws Exception {
        String organization;
        String service;
        String foreign;
        try (Connection c = database.open()) {
            organization = Sql.scalar(c, "SELECT o.id FROM organization o JOIN service s ON s.organization_id = o.id "
                    + "WHERE o.publication_status = 'published' AND s.publication_status = 'published' "
                    + "ORDER BY o.id DESC LIMIT 1");
            service = Sql.scalar(c, "SELECT id FROM service WHERE publication_status = 'published' AND "
                    + "organization_id = '" + organization + "' ORDER BY id LIMIT 1");
            foreign = Sql.scalar(c, "SELECT id FROM service WHERE publication_status = 'published' AND "
                    + "organization_id <> '" + organization + "' ORDER BY id LIMIT 1");
        }
        ApiClient.Response form = api.send("POST", "/beheer-aanvragen", null, "organization_id=" + organization
                + "&display_name=" + enc("Rita Regenwulp") + "&email=rita%40dienst.be&password="
                + enc("een lang en sterk wachtwoord") + "&message=" + enc("Coördinator"),
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(303, form.status());
        assertTrue(form.header("Location").contains("gemeld=aanvraag"), form.header("Location"));
        assertEquals(401, api.post("/api/v1/auth/login", null, Map.of("email", "rita@dienst.be",
                "password", "een lang en sterk wachtwoord")).status(), "no sign-in before an editor confirms");

        long claim = -1;
        for (JsonNode c : ok(api.get("/api/v1/editor/claims", anna))) {
            if ("rita@dienst.be".equals(c.get("email").asText())) {
                claim = c.get("id").asLong();
            }
        }
        assertEquals("confirmed", ok(api.post("/api/v1/editor/claims/" + claim + "/confirm", anna, Map.of()))
                .get("status").asText());
        assertTrue(actions(ok(api.get("/api/v1/editor/listings/organization/" + organization, anna)).get("history"))
                .contains("claim_confirmed"), "the confirmation is audited");
        String rita = TestAccounts.bearer(api, "rita@dienst.be");

        JsonNode overview = ok(api.get("/api/v1/my-organization", rita));
        assertEquals(organization, overview.get("organization").get("entity_id").asText());
        JsonNode report = created(api.post("/api/v1/my-organization/services/" + service + "/availability", rita,
                Map.of("waiting_weeks", 6, "accepting_new", "waitlist")));
        assertEquals("in_review", report.get("status").asText(), "a representative's change goes to review");
        assertEquals(6, report.get("proposed").get("waiting_weeks").asInt());
        assertEquals(1, ok(api.get("/api/v1/my-organization", rita)).get("pending").size(), "they see what waits");
        assertEquals(404, api.post("/api/v1/my-organization/services/" + foreign + "/availability", rita,
                Map.of("waiting_weeks", 1)).status(), "another organisation's service is not theirs");
        assertEquals(403, api.post("/api/v1/my-organization/listings/service/" + foreign + "/changes", rita,
                Map.of("fields", Map.of("description", "overgenomen"), "reason", "x")).status());

        assertEquals(service, ok(api.get("/api/v1/my-organization/services/" + service, rita)).get("entity_id").asText());
        assertEquals(404, api.get("/api/v1/my-organization/services/" + foreign, rita).status());
        ok(api.approve(report.get("id").asLong(), bert, null));
        JsonNode detail = ok(api.get("/api/v1/services/" + service));
        assertEquals(6, detail.get("waiting_time").get("weeks").asInt());
        assertEquals("waitlist", detail.get("waiting_time").get("accepting_new").asText());
    }

    /** A new initiative from the public form waits in its own queue; an editor makes it a draft; the contact goes. */
    @Test
    void anAnnouncedInitiativeBecomesADraftAndTheSendersAddressIsDeleted() throws Exception {
        String organization = firstPublished("organization");
        assertEquals(303, api.send("POST", "/meld-nieuw-aanbod", null, "organization_name=" + enc("Huis Tureluur")
                + "&service_name=" + enc("Babymassage Tureluur") + "&description=" + enc("Groepssessies voor ouders")
                + "&postal_code=3000&phone=" + enc("016 00 00 00") + "&website=&contact_email=" + enc("melder@voorbeeld.be"),
                "Content-Type", "application/x-www-form-urlencoded").status());
        ApiClient.Response bad = api.send("POST", "/meld-nieuw-aanbod", null, "organization_name=x&service_name=y"
                + "&description=z&phone=" + enc("geen nummer"), "Content-Type", "application/x-www-form-urlencoded");
        assertTrue(bad.header("Location").endsWith("gemeld=fout-phone"), bad.header("Location"));
        assertTrue(api.get("/meld-nieuw-aanbod?gemeld=fout-phone").body().contains("het telefoonnummer"));

        JsonNode intake = null;
        for (JsonNode i : ok(api.get("/api/v1/editor/intakes", anna))) {
            if ("Babymassage Tureluur".equals(i.get("service_name").asText())) {
                intake = i;
            }
        }
        assertEquals("melder@voorbeeld.be", intake.get("contact_email").asText());
        long id = intake.get("id").asLong();
        assertEquals(400, api.post("/api/v1/editor/intakes/" + id + "/accept", anna, Map.of()).status(),
                "a new service needs its organisation");
        JsonNode draft = created(api.post("/api/v1/editor/intakes/" + id + "/accept", anna,
                Map.of("organization_id", organization)));
        assertEquals("draft", draft.get("status").asText());
        assertEquals("Babymassage Tureluur", draft.get("proposed").get("name").asText());
        assertEquals("016 00 00 00", draft.get("proposed").get("phones").get(0).get("number").asText());
        try (Connection c = database.open()) {
            assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM intake WHERE contact_email IS NOT NULL AND id = " + id),
                    "the sender's address is deleted once the intake is handled");
        }
        assertEquals(409, api.post("/api/v1/editor/intakes/" + id + "/close", anna, Map.of()).status());
    }

    /** A reviewer approves the version they saw: a change edited after they opened it is refused. */
    @Test
    void approvingAVersionThatChangedSinceItWasOpenedIsRefusedAndPublishesNothing() throws Exception {
        String serviceId = firstPublished("service");
        JsonNode draft = created(api.post("/api/v1/editor/listings/service/" + serviceId + "/changes", anna,
                Map.of("reason", "Wachttijd", "fields", Map.of("waiting_weeks", 3))));
        long change = draft.get("id").asLong();
        ok(api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()));
        int seen = ok(api.get("/api/v1/editor/changes/" + change, bert)).get("version").asInt();
        assertEquals(400, api.post("/api/v1/editor/changes/" + change + "/approve", bert, Map.of()).status(),
                "an approval names the version reviewed");

        ok(api.put("/api/v1/editor/changes/" + change, anna, Map.of("fields", Map.of("waiting_weeks", 30),
                "reason", "Toch langer")));
        ok(api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()));
        ApiClient.Response stale = api.post("/api/v1/editor/changes/" + change + "/approve", bert,
                Map.of("version", seen));
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("versie"), stale.body());
        assertEquals("in_review", ok(api.get("/api/v1/editor/changes/" + change, bert)).get("status").asText());
        assertFalse(ok(api.get("/api/v1/services/" + serviceId)).path("waiting_time").path("weeks").asInt(0) == 30,
                "nothing was published");

        JsonNode published = ok(api.approve(change, bert, null));
        assertEquals("published", published.get("status").asText());
        assertEquals(30, ok(api.get("/api/v1/services/" + serviceId)).get("waiting_time").get("weeks").asInt());
    }

    private static final java.util.function.Function<JsonNode, List<String>> JSON_LIST = node -> {
        List<String> values = new java.util.ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    };

    @Test
    void aNewListingIsPublishedByTheSecondEditorAndArchivingTakesItOffline() throws Exception {
        String organization = firstPublished("organization");
        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw aanbod",
                "fields", Map.of("organization_id", organization, "name", "Zwangerschapsyoga met aandacht (kwartelnest)",
                        "description", "Groepsaanbod voor aanstaande ouders.", "referral_required", false))));
        long change = draft.get("id").asLong();
        assertEquals("create", draft.get("operation").asText());
        ok(api.post("/api/v1/editor/changes/" + change + "/submit", anna, Map.of()));
        ok(api.approve(change, bert, null));
        String id = draft.get("entity_id").asText();
        IndexedCorpus.waitUntil(() -> total("kwartelnest") == 1, 2_000, "new listing searchable");
        assertEquals(200, api.get("/api/v1/services/" + id).status());

        assertEquals(400, api.post("/api/v1/editor/listings/service/" + id + "/archive", anna, Map.of()).status(),
                "archiving needs a reason");
        ok(api.post("/api/v1/editor/listings/service/" + id + "/archive", anna, Map.of("reason", "Aanbod gestopt")));
        IndexedCorpus.waitUntil(() -> total("kwartelnest") == 0, 2_000, "archived listing leaves the index");
        assertEquals(404, api.get("/api/v1/services/" + id).status());
        assertEquals("archived", ok(api.get("/api/v1/editor/listings/service/" + id, anna)).get("live").get("status").asText());
    }

    /** The one definition of "public": an archived organisation takes its services offline on every read path. */
    @Test
    void archivingAnOrganisationTakesItsServicesOffOnEveryReadPath() throws Exception {
        JsonNode orgDraft = created(api.post("/api/v1/editor/listings/organization", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("name", "Kraamhuis Strandplevier", "description", "Een organisatie die stopt."))));
        ok(api.post("/api/v1/editor/changes/" + orgDraft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(orgDraft.get("id").asLong(), bert, null));
        String organization = orgDraft.get("entity_id").asText();
        JsonNode draft = created(api.post("/api/v1/editor/listings/service", anna, Map.of("reason", "Nieuw",
                "fields", Map.of("organization_id", organization, "name", "Strandplevierconsult",
                        "description", "Consult voor aanstaande ouders."))));
        ok(api.post("/api/v1/editor/changes/" + draft.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(draft.get("id").asLong(), bert, null));
        String service = draft.get("entity_id").asText();
        IndexedCorpus.waitUntil(() -> total("strandplevierconsult") == 1, 2_000, "the service is searchable");
        Map<String, String> lists = Map.of(
                "/api/v1/services?limit=100&page=" + pageOf(service), service,
                "/sitemap.xml", service,
                "/api/v1/suggest?q=strandplevier", "Strandplevierconsult",
                "/api/v1/search?q=strandplevierconsult", service,
                "/hsds/services?search=strandplevierconsult", service,
                "/api/v1/export/hsds.json", service);
        List<String> pages = List.of("/api/v1/services/" + service, "/aanbod/" + service + "/strandplevierconsult",
                "/hsds/services/" + service);
        suggester.rebuild();
        lists.forEach((path, marker) -> assertTrue(api.get(path).body().contains(marker), "public before: " + path));
        pages.forEach(path -> assertEquals(200, api.get(path).status(), "public before: " + path));

        ok(api.post("/api/v1/editor/listings/organization/" + organization + "/archive", anna,
                Map.of("reason", "Organisatie gestopt")));
        IndexedCorpus.waitUntil(() -> total("strandplevierconsult") == 0, 2_000, "the service leaves the index");
        suggester.rebuild(); // what the next rebuild after the quiet period does
        lists.forEach((path, marker) -> assertFalse(api.get(path).body().contains(marker), "offline after: " + path));
        pages.forEach(path -> assertEquals(404, api.get(path).status(), "offline after: " + path));
    }

    /** The page of the name-ordered service list that holds this service. */
    private int pageOf(String service) throws Exception {
        try (Connection c = database.open()) {
            long before = Sql.values(c, "SELECT s.id FROM public_service s JOIN service me ON me.id = '" + service
                    + "' WHERE (s.name, s.id) < (me.name, me.id)").size();
            return (int) (before / 100) + 1;
        }
    }

    @Test
    void badEditsAreRefusedWithTheFieldNamedAndNothingChanges() throws Exception {
        String serviceId = firstPublished("service");
        ApiClient.Response noReason = api.post("/api/v1/editor/listings/service/" + serviceId + "/changes", anna,
                Map.of("fields", Map.of("name", "X")));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().get("invalid_params").get(0).get("name").asText());
        for (Map<String, Object> fields : List.of(Map.<String, Object>of("waiting_weeks", -1),
                Map.<String, Object>of("email", "geen-adres"), Map.<String, Object>of("url", "javascript:alert(1)"),
                Map.<String, Object>of("organization_id", "bestaat-niet"), Map.<String, Object>of("secret", "x"),
                Map.<String, Object>of("name", ""))) {
            ApiClient.Response refused = api.post("/api/v1/editor/listings/service/" + serviceId + "/changes", anna,
                    Map.of("fields", fields, "reason", "test"));
            assertEquals(400, refused.status(), fields + " → " + refused.body());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals(fields.keySet().iterator().next(), refused.json().get("invalid_params").get(0).get("name").asText());
        }
        try (Connection c = database.open()) {
            assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM listing_change WHERE entity_id = '" + serviceId
                    + "' AND status IN ('draft', 'in_review')"));
        }
    }

    @Test
    void staleListingsAreListedUntilAnEditorVerifiesThem() throws Exception {
        String organization = firstPublished("organization");
        try (Connection c = database.open(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE organization SET verified_at = NOW() - INTERVAL 13 MONTH WHERE id = '" + organization + "'");
        }
        assertTrue(ok(api.get("/api/v1/editor/stale?limit=1000", anna)).toString().contains(organization));
        ok(api.post("/api/v1/editor/listings/organization/" + organization + "/verify", anna, Map.of("reason", "gebeld")));
        assertFalse(ok(api.get("/api/v1/editor/stale?limit=1000", anna)).toString().contains(organization));
        JsonNode history = ok(api.get("/api/v1/editor/listings/organization/" + organization, anna)).get("history");
        assertEquals("verified", history.get(0).get("action").asText());
        assertEquals("anna@venpmg.be (editor)", history.get(0).get("actor").asText());
    }

    @Test
    void aProfessionalEditsOnlyTheirOwnProfileAndAnEditorPublishesIt() throws Exception {
        String own;
        String other;
        try (Connection c = database.open()) {
            List<String> ids = List.copyOf(new java.util.TreeSet<>(Sql.values(c,
                    "SELECT id FROM professional WHERE publication_status = 'published' AND consent_public")));
            own = ids.get(0);
            other = ids.get(1);
        }
        TestAccounts.create(server.getApplicationContext(), "zelf@praktijk.be", "professional", own);
        String me = TestAccounts.bearer(api, "zelf@praktijk.be");
        JsonNode profile = ok(api.get("/api/v1/me/profile", me));
        assertEquals(own, profile.get("listing").get("entity_id").asText());

        JsonNode change = ok(api.put("/api/v1/me/profile", me, Map.of("reason", "Nieuwe werkwijze",
                "fields", Map.of("description", "Ik werk nu ook met hechtingsgerichte video-feedback (VIPP)."))));
        assertEquals("in_review", change.get("status").asText(), "a professional's edit goes straight to review");
        assertFalse(ok(api.get("/api/v1/professionals/" + own)).toString().contains("VIPP"), "not public before review");

        assertEquals(403, api.post("/api/v1/editor/listings/professional/" + other + "/changes", me,
                Map.of("fields", Map.of("description", "x"), "reason", "x")).status());
        assertEquals(403, api.approve(change.get("id").asLong(), me, null).status());

        ok(api.approve(change.get("id").asLong(), anna, null));
        assertTrue(ok(api.get("/api/v1/professionals/" + own)).toString().contains("VIPP"));
        assertTrue(ok(api.get("/api/v1/me/recognition", me)).get("assessment").get("reasons").has("basiszorgverlener"),
                "the professional sees why they do or do not hold a level");
    }

    @Test
    void consentDecidesWhetherAProfileIsPublic() throws Exception {
        String id;
        try (Connection c = database.open()) {
            id = new java.util.TreeSet<>(Sql.values(c, "SELECT id FROM professional WHERE publication_status = "
                    + "'published' AND NOT consent_public")).first();
        }
        assertEquals(404, api.get("/api/v1/professionals/" + id).status());
        JsonNode change = created(api.post("/api/v1/editor/listings/professional/" + id + "/changes", anna,
                Map.of("fields", Map.of("consent_public", true), "reason", "Schriftelijke toestemming ontvangen")));
        ok(api.post("/api/v1/editor/changes/" + change.get("id").asLong() + "/submit", anna, Map.of()));
        ok(api.approve(change.get("id").asLong(), bert, null));
        assertEquals(200, api.get("/api/v1/professionals/" + id).status());
        try (Connection c = database.open()) {
            assertFalse(Sql.scalar(c, "SELECT consent_at FROM professional WHERE id = '" + id + "'") == null,
                    "consent is dated when it is recorded");
        }
    }

    @Test
    void erasureRemovesThePersonFromDatabaseIndexAndHistory() throws Exception {
        String id;
        String name;
        String fullName;
        try (Connection c = database.open()) {
            id = new java.util.TreeSet<>(Sql.values(c, "SELECT id FROM professional WHERE publication_status = "
                    + "'published' AND consent_public")).last();
            name = Sql.scalar(c, "SELECT family_name FROM professional WHERE id = '" + id + "'");
            fullName = Sql.scalar(c, "SELECT CONCAT(given_name, ' ', family_name) FROM professional WHERE id = '" + id + "'");
        }
        TestAccounts.create(server.getApplicationContext(), "wis@praktijk.be", "professional", id);
        String person = TestAccounts.bearer(api, "wis@praktijk.be");
        created(api.post("/api/v1/me/evidence", person, Map.of("kind", "intervision", "issuer", "Intervisiegroep Gent",
                "obtained_on", "2026-01-10")));
        ok(api.put("/api/v1/me/profile", person, Map.of("reason", "x", "fields", Map.of("description", "nieuw"))));
        IndexedCorpus.waitUntil(() -> found(fullName, id), 2_000, "the person is searchable before");
        assertTrue(api.get("/api/v1/export/hsds.json").body().contains(id), "in the public export before");

        assertEquals(403, api.post("/api/v1/admin/professionals/" + id + "/erase", anna, Map.of()).status(),
                "erasure is for admins");
        assertEquals(204, api.post("/api/v1/admin/professionals/" + id + "/erase", admin, Map.of()).status());

        IndexedCorpus.waitUntil(() -> !found(fullName, id), 2_000, "gone from search");
        assertEquals(404, api.get("/api/v1/professionals/" + id).status());
        assertFalse(api.get("/api/v1/export/hsds.json").body().contains(id), "the cached export is made again");
        try (Connection c = database.open()) {
            for (String table : List.of("professional WHERE id", "professional_affiliation WHERE professional_id",
                    "evidence WHERE professional_id", "recognition WHERE professional_id", "account WHERE professional_id",
                    "language WHERE professional_id", "attribute WHERE link_id", "listing_change WHERE entity_id",
                    "change_suggestion WHERE listing_id")) {
                assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM " + table + " = '" + id + "'"), table);
            }
            assertEquals(java.util.Set.of("erased"), Sql.values(c, "SELECT action FROM revision WHERE entity_id = '" + id + "'"),
                    "only the fact of the erasure is kept");
            assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM revision WHERE changes LIKE '%wis@praktijk.be%' "
                    + "OR changes LIKE '%\"family_name\":\"" + name + "\"%'"));
        }
        assertEquals(401, api.get("/api/v1/me/profile", person).status(), "the account went with the person");
    }

    private JsonNode ok(ApiClient.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private JsonNode created(ApiClient.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private int total(String query) {
        return api.get("/api/v1/search?q=" + enc(query)).json().get("total").asInt();
    }

    private boolean found(String query, String id) {
        return api.get("/api/v1/search?limit=100&q=" + enc(query)).body().contains(id);
    }

    private void waitForIndex() throws InterruptedException {
        IndexedCorpus.waitUntilIndexed(maintainer, 2_000);
    }

    private String firstPublished(String table) throws Exception {
        try (Connection c = database.open()) {
            return new java.util.TreeSet<>(Sql.values(c, "SELECT id FROM " + table
                    + " WHERE publication_status = 'published'" + (table.equals("service")
                    ? " AND id NOT IN (SELECT entity_id FROM listing_change)" : ""))).first();
        }
    }

    private static List<String> actions(JsonNode history) {
        List<String> actions = new java.util.ArrayList<>();
        history.forEach(r -> actions.add(r.get("action").asText()));
        return actions;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
