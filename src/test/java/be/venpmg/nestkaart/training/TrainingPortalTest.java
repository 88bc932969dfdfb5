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

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(server.getURL());
        TestAccounts.create(server.getApplicationContext(), "opleidingen@venpmg.be", "editor", null);
        TestAccounts.create(server.getApplicationContext(), "nalezing@venpmg.be", "editor", null);
        editor = TestAccounts.bearer(api, "opleidingen@venpmg.be");
        reviewer = TestAccounts.bearer(api, "nalezing@venpmg.be");
        IndexedCorpus.waitUntil(() -> search("").get("total").asInt() == 7, 30_000, "the seed courses are indexed");
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
        assertEquals(names("level=gespecialiseerd"), List.of("Intervisie perinatale casussen voor mobiele crisisteams",
                "Perinatale mentale gezondheid voor mobiele crisisteams", "Postgraduaat Perinatale Coaching"));
        assertEquals(List.of("P.I.M.H. in de kinderopvang (online leermateriaal)"), names("course_format=online"));
        assertEquals(List.of("P.I.M.H. in de kinderopvang (online leermateriaal)"), names("accredited=nee"));
        assertEquals(List.of("Postgraduaat Perinatale Coaching"), names("upcoming=nee"));
        assertEquals(List.of("P.I.M.H. in de kinderopvang (online leermateriaal)"), names("profession=pedagogie_jonge_kind"));
        assertEquals(List.of("Intervisie perinatale casussen voor mobiele crisisteams"), names("course_kind=intervision"));
        assertEquals(names(""), names("course_status=existing"), "every seed course exists");
        assertEquals(List.of(), names("course_status=planned"));
        assertEquals(400, api.get("/api/v1/search?kind=course&course_kind=workshop").status());
        assertEquals("intervision", search("course_kind=intervision").get("results").get(0).get("course_kind").asText());
        assertTrue(names("near=Gent&radius_km=10").contains("Basiskennis Perinatale Psychiatrie en Infant Mental Health"));
        assertFalse(names("near=Gent&radius_km=10").contains("Themadag Infant Mental Health: hechting, mentaliseren en "
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

        String kinderopvang = courseId("P.I.M.H. in de kinderopvang (online leermateriaal)");
        JsonNode unaccredited = api.post("/api/v1/editor/courses/" + kinderopvang + "/completions", editor, Map.of(
                "completions", List.of(Map.of("professional_id", person, "completed_on", "2026-11-01")))).json();
        assertFalse(unaccredited.get(0).hasNonNull("evidence_id"), "a course without accreditation is no evidence");

        TestAccounts.create(server.getApplicationContext(), "gevolgd@praktijk.be", "professional", person);
        String me = TestAccounts.bearer(api, "gevolgd@praktijk.be");
        assertEquals(2, api.get("/api/v1/me/completions", me).json().size(), "the professional sees their record");
        JsonNode recommended = api.get("/api/v1/me/recommended-courses", me).json();
        recommended.forEach(k -> assertFalse(k.get("id").asText().equals(course), "completed courses are not recommended"));
        assertEquals("gespecialiseerd", recommended.get(0).get("level").asText(), "the next level comes first");
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
