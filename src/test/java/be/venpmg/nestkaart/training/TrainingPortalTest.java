package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.SettableClock;
import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training portal on the seed courses, over HTTP against the real database and index: catalogue search and
 * filters, seats under concurrent updates, the .ics export read back by ical4j, schema.org JSON-LD, courses through
 * the review workflow, and completions that change a professional's recognition.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingPortalTest implements MariaDbTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    SettableClock clock;
    @Inject
    IndexMaintainer maintainer;
    ApiClient api;
    String editor;
    String reviewer;
    /** The seed's courses: other tests add courses, the catalogue's filters are judged on these. */
    List<String> seedCourses;

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(server.getURL());
        TestAccounts.create(server.getApplicationContext(), "opleidingen@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "nalezing@venpmg.be", "editor", null);
        editor = TestAccounts.bearer(api, "opleidingen@venpmg.be");
        reviewer = TestAccounts.bearer(api, "nalezing@venpmg.be");
        IndexedCorpus.waitUntil(() -> search("").get("total").asInt() == 7, 30_000, "the seed courses are indexed");
        seedCourses = names("");
        // The seed's sessions lie in 2027: the catalogue is judged on a fixed day before them, whatever day it is.
        setDay(LocalDate.of(2026, 12, 1));
    }

    /** Moves the application's clock to a day and runs the daily re-index of dated listings. */
    private void setDay(LocalDate day) throws Exception {
        clock.set(day.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant());
        assertTrue(maintainer.requeueDated() >= 7);
        while (!maintainer.caughtUp()) {
            maintainer.drainOnce();
        }
    }

    @Test
    void sessionsThatPassLeaveTheUpcomingCoursesAfterTheDailyReindex() throws Exception {
        String themadag = "Themadag Infant Mental Health: hechting, mentaliseren en sensitiviteit";
        assertTrue(names("upcoming=ja").contains(themadag));
        try {
            setDay(LocalDate.of(2027, 5, 7)); // the day after the last seed session in the spring
            assertTrue(names("upcoming=nee").contains(themadag), "its only session (22 April 2027) has passed");
            assertTrue(names("upcoming=ja").contains("Intervisie perinatale casussen voor mobiele crisisteams"),
                    "a session in June 2027 is still to come");
        } finally {
            setDay(LocalDate.of(2026, 12, 1));
        }
        assertTrue(names("upcoming=ja").contains(themadag));
    }

    @Test
    void theCatalogueFiltersOnLevelFormatAccreditationSessionsProfessionAndRegion() {
        assertEquals(seedNames("level=gespecialiseerd"), List.of("Intervisie perinatale casussen voor mobiele crisisteams",
                "Perinatale mentale gezondheid voor mobiele crisisteams", "Postgraduaat Perinatale Coaching"));
        assertEquals(List.of("P.I.M.H. in de kinderopvang (online leermateriaal)"), seedNames("course_format=online"));
        assertEquals(List.of(), seedNames("accredited=nee"), "the network accredits its own online module too");
        assertEquals(List.of("Postgraduaat Perinatale Coaching"), seedNames("upcoming=nee"));
        assertEquals(List.of("P.I.M.H. in de kinderopvang (online leermateriaal)"), seedNames("profession=pedagogie_jonge_kind"));
        assertEquals(List.of("Intervisie perinatale casussen voor mobiele crisisteams"), seedNames("course_kind=intervision"));
        assertEquals(seedNames(""), seedNames("course_status=existing"), "every seed course exists");
        assertEquals(List.of(), seedNames("course_status=planned"));
        assertEquals(400, api.get("/api/v1/search?kind=course&course_kind=workshop").status());
        assertEquals("intervision", search("course_kind=intervision").get("results").get(0).get("course_kind").asText());
        assertTrue(seedNames("near=Gent&radius_km=10").contains("Basiskennis Perinatale Psychiatrie en Infant Mental Health"));
        assertFalse(seedNames("near=Gent&radius_km=10").contains("Themadag Infant Mental Health: hechting, mentaliseren en "
                + "sensitiviteit"), "Antwerpen is further than 10 km");
        JsonNode hechting = search("q=hechting");
        assertEquals("Themadag Infant Mental Health: hechting, mentaliseren en sensitiviteit",
                hechting.get("results").get(0).get("name").asText());
        JsonNode all = search("");
        int counted = 0;
        for (JsonNode value : all.get("facets").get("level")) {
            counted += value.get("count").asInt();
        }
        assertEquals(all.get("total").asInt(), counted, "every course has one level, counted in the facet");
        assertEquals(400, api.get("/api/v1/search?kind=course&level=expert").status());
        JsonNode help = api.get("/api/v1/search?q=hechting&limit=100").json();
        help.get("results").forEach(r -> assertFalse("course".equals(r.get("kind").asText()),
                "the help search leaves the courses to the catalogue"));
    }

    /** A professional searches the catalogue by their own job name, not the name of their education (issue 22). */
    @Test
    void everyoneFindsTheirCoursesByTheNameOfTheirJob() {
        Map<String, String> expected = Map.of(
                "kinderbegeleider", "P.I.M.H. in de kinderopvang (online leermateriaal)",
                "kinderverzorger", "P.I.M.H. in de kinderopvang (online leermateriaal)",
                "kinderverzorgster", "P.I.M.H. in de kinderopvang (online leermateriaal)",
                "vroedvrouw", "Born in Belgium Pro: psychosociaal assessment in de zwangerschap",
                "huisarts", "Basiskennis Perinatale Psychiatrie en Infant Mental Health",
                "verloskundige", "Postgraduaat Perinatale Coaching");
        expected.forEach((job, course) -> {
            JsonNode answer = search("q=" + job);
            List<String> found = new java.util.ArrayList<>();
            answer.get("results").forEach(r -> found.add(r.get("name").asText()));
            assertTrue(found.contains(course), job + " → " + found);
        });
        // Nothing found says so, and never "we show results for words like it" above none.
        JsonNode none = search("q=zweefvliegen");
        assertEquals(0, none.get("total").asInt());
        assertEquals(0, none.get("widened").size(), none.toString());
    }

    @Test
    void seatsNeverGoBelowZeroNorAboveCapacityUnderConcurrentUpdates() throws Exception {
        String course = courseId("Basiskennis Perinatale Psychiatrie en Infant Mental Health");
        JsonNode session = api.post("/api/v1/editor/courses/" + course + "/sessions", editor, Map.of(
                "starts_at", "2027-09-01T09:00", "ends_at", "2027-09-01T17:00", "place", "Brugge", "postal_code", "8000",
                "capacity", 3, "registration_url", "https://www.rino.be/")).json();
        String id = session.get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> lastSeats = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lastSeats.add(() -> api.post("/api/v1/editor/course-sessions/" + id + "/seats", editor, Map.of("delta", 1))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(lastSeats)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(409, api.post("/api/v1/editor/course-sessions/" + id + "/seats", editor, Map.of("delta", -4))
                .status(), "cannot give back more than was taken");
        ApiClient.Response shrink = api.put("/api/v1/editor/course-sessions/" + id, editor, Map.of("starts_at",
                "2027-09-01T09:00", "ends_at", "2027-09-01T17:00", "place", "Brugge", "capacity", 2));
        assertEquals(400, shrink.status(), "a capacity below the seats taken is refused");
        assertEquals("capacity", shrink.json().get("invalid_params").get(0).get("name").asText());
        try (Connection c = database.open()) {
            assertEquals("3 3", Sql.scalar(c, "SELECT CONCAT(capacity, ' ', seats_taken) FROM course_session WHERE id = '"
                    + id + "'"));
        }
        JsonNode course1 = api.get("/api/v1/courses/" + course).json();
        course1.get("sessions").forEach(s -> assertTrue(s.get("seats_left").asInt() >= 0));
    }

    @Test
    void eachSessionExportsAValidICalendarEvent() throws Exception {
        String course = courseId("Born in Belgium Pro: psychosociaal assessment in de zwangerschap");
        JsonNode session = api.get("/api/v1/courses/" + course).json().get("sessions").get(0);
        ApiClient.Response ics = api.get("/opleiding/" + course + "/sessie/" + session.get("id").asText() + ".ics");
        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        VEvent event = events.get(0);
        assertEquals("Born in Belgium Pro: psychosociaal assessment in de zwangerschap",
                event.getSummary().getValue());
        assertTrue(event.getUid().isPresent());
        assertEquals("20210121T123000Z".substring(8), event.getDateTimeStart().getValue().substring(8),
                "13:30 in Brussels in winter is 12:30 UTC");
        assertTrue(calendar.getProductId().getValue().contains("Nestkaart"));
        assertTrue(ics.body().contains("URL:http://" + server.getHost() + ":" + server.getPort() + "/opleiding/" + course),
                ics.body());
        assertEquals(404, api.get("/opleiding/" + course + "/sessie/bestaat-niet.ics").status());
    }

    @Test
    void theCoursePageCarriesWellFormedCourseJsonLd() throws Exception {
        String course = courseId("Basiskennis Perinatale Psychiatrie en Infant Mental Health");
        String html = api.get("/opleiding/" + course + "/basiskennis-perinatale-psychiatrie-en-infant-mental-health")
                .body();
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(ld.find(), html);
        JsonNode json = JSON.readTree(ld.group(1));
        assertEquals("Course", json.get("@type").asText());
        assertEquals("https://schema.org", json.get("@context").asText());
        long scheduled = 0;
        for (JsonNode s : api.get("/api/v1/courses/" + course).json().get("sessions")) {
            scheduled += "scheduled".equals(s.get("status").asText()) ? 1 : 0;
        }
        assertEquals(scheduled, json.get("hasCourseInstance").size(), json.toString());
        String site = "http://" + server.getHost() + ":" + server.getPort();
        assertTrue(json.get("@id").asText().startsWith(site + "/opleiding/"),
                "absolute URLs to the address the service answers on (no NESTKAART_BASE_URL in tests), not "
                        + "localhost:8080: " + json.get("@id"));
        assertEquals("CourseInstance", json.get("hasCourseInstance").get(0).get("@type").asText());
        assertEquals("onsite", json.get("hasCourseInstance").get(0).get("courseMode").asText());
        JsonNode firstSession = api.get("/api/v1/courses/" + course).json().get("sessions").get(0);
        assertEquals(firstSession.get("capacity").asInt() - firstSession.get("seats_taken").asInt(),
                json.get("hasCourseInstance").get(0).get("remainingAttendeeCapacity").asInt());
        assertTrue(html.contains("Zet in je agenda (.ics)"));
        assertTrue(html.contains("plaatsen vrij"));
    }

    @Test
    void aCourseGoesThroughReviewBeforeTheCatalogueShowsIt() throws Exception {
        JsonNode draft = api.post("/api/v1/editor/listings/course", editor, Map.of("reason", "Nieuw aanbod van WAIMH",
                "fields", Map.of("name", "Video-interactiebegeleiding (zeepbelcursus)", "summary", "Werken met beelden "
                        + "van ouder en baby.", "level", "gespecialiseerd", "format", "klassikaal", "hours", 21))).json();
        long change = draft.get("id").asLong();
        api.post("/api/v1/editor/changes/" + change + "/submit", editor, Map.of());
        assertEquals(0, search("q=zeepbelcursus").get("total").asInt(), "not before publication");
        assertEquals(403, api.approve(change, editor, null).status());
        assertEquals(200, api.approve(change, reviewer, null).status());
        IndexedCorpus.waitUntil(() -> search("q=zeepbelcursus").get("total").asInt() == 1, 2_000, "published course");
    }

    @Test
    void aCompletedAccreditedCourseCountsForRecognition() throws Exception {
        String person;
        try (Connection c = database.open()) {
            person = new TreeSet<>(Sql.values(c, "SELECT id FROM professional WHERE consent_public")).last();
        }
        for (Map<String, Object> evidence : List.of(
                Map.<String, Object>of("kind", "basic_education", "qualification", "vroedkunde", "issuer", "Odisee",
                        "obtained_on", "2018-06-30"),
                Map.<String, Object>of("kind", "intervision", "issuer", "Intervisiegroep", "obtained_on", "2026-01-10"),
                Map.<String, Object>of("kind", "liability_insurance", "issuer", "Ethias", "obtained_on", "2026-01-01"),
                Map.<String, Object>of("kind", "association_membership", "issuer", "VBOV", "obtained_on", "2026-01-01"))) {
            JsonNode added = api.post("/api/v1/editor/professionals/" + person + "/evidence", editor, evidence).json();
            api.post("/api/v1/editor/evidence/" + added.get("id").asText() + "/check", reviewer, Map.of("accepted", true));
        }
        assertFalse(api.get("/api/v1/editor/professionals/" + person + "/recognition", editor).json().hasNonNull("level"),
                "without continuing education no level yet");

        String course = courseId("Basiskennis Perinatale Psychiatrie en Infant Mental Health");
        ApiClient.Response bad = api.send("POST", "/api/v1/editor/courses/" + course + "/completions.csv", editor,
                "professional_id,completed_on,certificate_ref\n" + person + ",2026-10-01,ATTEST-1\nbestaat-niet,2026-10-01,\n",
                "Content-Type", "text/csv");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("row 2"), bad.body());
        assertEquals(0, api.get("/api/v1/editor/professionals/" + person + "/completions", editor).json().size(),
                "a list with a bad row records nothing");

        ApiClient.Response imported = api.send("POST", "/api/v1/editor/courses/" + course + "/completions.csv", editor,
                "professional_id,completed_on,certificate_ref\n" + person + ",2026-10-01,ATTEST-1\n",
                "Content-Type", "text/csv");
        assertEquals(201, imported.status(), imported.body());
        assertTrue(imported.json().get(0).hasNonNull("evidence_id"), "an accredited course is evidence");
        JsonNode recognition = api.get("/api/v1/editor/professionals/" + person + "/recognition", editor).json();
        assertEquals("basiszorgverlener", recognition.get("level").asText(), recognition.toString());

        String unaccreditedCourse = publishedCourse(Map.of("name", "Leesgroep perinatale psychiatrie", "summary",
                "Maandelijkse leesgroep zonder accreditatie.", "level", "basis", "format", "klassikaal", "hours", 2));
        JsonNode unaccredited = api.post("/api/v1/editor/courses/" + unaccreditedCourse + "/completions", editor, Map.of(
                "completions", List.of(Map.of("professional_id", person, "completed_on", "2026-11-01")))).json();
        assertFalse(unaccredited.get(0).hasNonNull("evidence_id"), "a course without accreditation is no evidence");

        TestAccounts.create(server.getApplicationContext(), "gevolgd@praktijk.be", "professional", person);
        String me = TestAccounts.bearer(api, "gevolgd@praktijk.be");
        assertEquals(2, api.get("/api/v1/me/completions", me).json().size(), "the professional sees their record");
        JsonNode recommended = api.get("/api/v1/me/recommended-courses", me).json();
        recommended.forEach(k -> assertFalse(k.get("id").asText().equals(course), "completed courses are not recommended"));
        assertEquals("gespecialiseerd", recommended.get(0).get("level").asText(), "the next level comes first");
    }

    /** A course an editor writes and a second editor publishes; its id. */
    private String publishedCourse(Map<String, Object> fields) {
        ApiClient.Response draft = api.post("/api/v1/editor/listings/course", editor, Map.of("reason", "test",
                "fields", fields));
        assertEquals(201, draft.status(), draft.body());
        long change = draft.json().get("id").asLong();
        api.post("/api/v1/editor/changes/" + change + "/submit", editor, Map.of());
        ApiClient.Response approved = api.approve(change, reviewer, null);
        assertEquals(200, approved.status(), approved.body());
        return draft.json().get("entity_id").asText();
    }

    /** The report's course facts: co-organisers, goals per profession, handvatten, the follow-up intervision. */
    @Test
    void aCourseShowsItsCoOrganisersGoalsPerProfessionHandvattenAndFollowUp() throws Exception {
        String basis = courseId("Basiskennis Perinatale Psychiatrie en Infant Mental Health");
        JsonNode course = api.get("/api/v1/courses/" + basis).json();
        assertEquals(4, course.get("co_organizers").size(), course.toString());
        assertEquals("vroedkunde", course.get("goals").get(0).get("profession_code").asText());
        assertEquals("/static/handvatten/gesprek-zwangerschap.pdf", course.get("downloads").get(0).get("url").asText());
        ApiClient.Response pdf = api.get("/static/handvatten/gesprek-zwangerschap.pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.body().startsWith("%PDF-1.4"), "a real PDF file");
        String page = api.get("/opleiding/" + basis + "/basiskennis-perinatale-psychiatrie-en-infant-mental-health").body();
        assertTrue(page.contains("Wat je leert, per beroep") && page.contains("Geneeskunde: huisarts"), page);
        assertTrue(page.contains("Mede-organisatoren") && page.contains("WAIMH Vlaanderen"));
        assertTrue(page.contains("Handvatten om te downloaden"));

        String crisis = courseId("Perinatale mentale gezondheid voor mobiele crisisteams");
        String intervision = courseId("Intervisie perinatale casussen voor mobiele crisisteams");
        assertEquals(intervision, api.get("/api/v1/courses/" + crisis).json().get("follow_up").get("id").asText());
        assertEquals(crisis, api.get("/api/v1/courses/" + intervision).json().get("follow_up_of").get("id").asText());
        assertTrue(api.get("/opleiding/" + crisis + "/perinatale-mentale-gezondheid-voor-mobiele-crisisteams").body()
                .contains("Na deze opleiding"));
        assertEquals(1, search("course_kind=intervision").get("total").asInt(), "the intervision filter");

        // Edited through review like every fact: a goal needs a profession that exists, a download a safe address.
        ApiClient.Response badGoal = api.post("/api/v1/editor/listings/course/" + basis + "/changes", editor, Map.of(
                "reason", "test", "fields", Map.of("goals", List.of(Map.of("profession_term_id", "bestaat-niet",
                        "goal", "x")))));
        assertEquals(400, badGoal.status(), badGoal.body());
        ApiClient.Response badLink = api.post("/api/v1/editor/listings/course/" + basis + "/changes", editor, Map.of(
                "reason", "test", "fields", Map.of("downloads", List.of(Map.of("title", "x", "url",
                        "javascript:alert(1)")))));
        assertEquals(400, badLink.status(), badLink.body());
        assertEquals("downloads", badLink.json().get("invalid_params").get(0).get("name").asText());
    }

    /** A course of three days is one instance: one session, three days, three events in its calendar file. */
    @Test
    void aCourseOfSeveralDaysIsOneInstanceWithItsDays() throws Exception {
        String basis = courseId("Basiskennis Perinatale Psychiatrie en Infant Mental Health");
        JsonNode session = api.get("/api/v1/courses/" + basis).json().get("sessions").get(0);
        assertEquals(3, session.get("days").size(), session.toString());
        Calendar calendar = new CalendarBuilder().build(new StringReader(api.get("/opleiding/" + basis + "/sessie/"
                + session.get("id").asText() + ".ics").body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(3, events.size());
        assertTrue(events.get(2).getSummary().getValue().endsWith("(dag 3 van 3)"));
        JsonNode made = api.post("/api/v1/editor/courses/" + basis + "/sessions", editor, Map.of("place", "Brugge",
                "capacity", 20, "days", List.of(Map.of("starts_at", "2027-10-14T09:00", "ends_at", "2027-10-14T17:00"),
                        Map.of("starts_at", "2027-10-07T09:00", "ends_at", "2027-10-07T17:00")))).json();
        assertEquals("2027-10-07T09:00:00", made.get("starts_at").asText(), "the instance spans its days, in order");
        assertEquals("2027-10-14T17:00:00", made.get("ends_at").asText());
        assertEquals(400, api.post("/api/v1/editor/courses/" + basis + "/sessions", editor, Map.of("place", "Brugge",
                "capacity", 20, "days", List.of(Map.of("starts_at", "2027-10-14T17:00", "ends_at", "2027-10-14T09:00"))))
                .status());
    }

    /** The enrolment window and the waiting list follow the application's clock, on the page and in JSON-LD. */
    @Test
    void enrolmentOpensClosesAndFallsBackToTheWaitingList() throws Exception {
        String course = courseId("Themadag Infant Mental Health: hechting, mentaliseren en sensitiviteit");
        LocalDate today = LocalDate.now(clock);
        JsonNode made = api.post("/api/v1/editor/courses/" + course + "/sessions", editor, Map.of(
                "starts_at", today.plusDays(60) + "T09:00", "ends_at", today.plusDays(60) + "T16:00", "place", "Gent",
                "capacity", 1, "registration_url", "https://www.waimh.be/", "waiting_list", true,
                "enrolment_opens", today.plusDays(10).toString(), "enrolment_closes", today.plusDays(40).toString())).json();
        String id = made.get("id").asText();
        assertEquals("not_yet_open", made.get("enrolment").asText(), made.toString());
        assertEquals(400, api.post("/api/v1/editor/courses/" + course + "/sessions", editor, Map.of(
                "starts_at", "2027-10-07T09:00", "ends_at", "2027-10-07T17:00", "place", "Gent", "capacity", 1,
                "enrolment_opens", "2027-09-10", "enrolment_closes", "2027-09-01")).status());
        try {
            setDay(today.plusDays(15));
            assertEquals("open", enrolment(course, id));
            // Sessions end with the days moved: the editor signs in again on the later day.
            ApiClient.Response taken = api.post("/api/v1/editor/course-sessions/" + id + "/seats",
                    TestAccounts.bearer(api, "opleidingen@venpmg.be"), Map.of("delta", 1));
            assertEquals(200, taken.status(), taken.body());
            assertEquals("waiting_list", enrolment(course, id));
            String page = api.get("/opleiding/" + course + "/themadag-infant-mental-health-hechting-mentaliseren-en-sensitiviteit")
                    .body();
            assertTrue(page.contains("Op de wachtlijst bij de organisator"), page);
            assertTrue(page.contains("https://schema.org/BackOrder"), "JSON-LD offers a waiting list as back order");
            setDay(today.plusDays(41));
            assertEquals("closed", enrolment(course, id));
        } finally {
            setDay(LocalDate.of(2026, 12, 1));
        }
    }

    private String enrolment(String course, String session) {
        for (JsonNode s : api.get("/api/v1/courses/" + course).json().get("sessions")) {
            if (s.get("id").asText().equals(session)) {
                return s.get("enrolment").asText();
            }
        }
        throw new AssertionError("no session " + session);
    }

    private List<String> seedNames(String query) {
        return names(query).stream().filter(seedCourses::contains).toList();
    }

    private JsonNode search(String query) {
        ApiClient.Response response = api.get("/api/v1/search?kind=course&limit=50&" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        // only the seed courses: another test publishes one of its own
        search(query).get("results").forEach(r -> names.add(r.get("name").asText()));
        names.removeIf(n -> n.contains("zeepbel"));
        names.sort(String::compareTo);
        return names;
    }

    private String courseId(String name) throws Exception {
        try (Connection c = database.open()) {
            return Sql.scalar(c, "SELECT id FROM course WHERE name = '" + name.replace("'", "''") + "'");
        }
    }
}
