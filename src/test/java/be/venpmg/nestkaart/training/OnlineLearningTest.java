package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online learning over HTTP on a real database: the check opens after the lessons, never shows its answers, a fail
 * records nothing but the attempt, a pass records the completion once (as evidence of an accredited course), and a
 * lesson an editor writes keeps only safe markup, the site's own images and videos from the configured hosts.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineLearningTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    ApiClient api;
    String me;
    String editor;
    String reviewer;
    String person;
    String course;

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/courses").json().size() == 7, 30_000, "seed courses");
        try (Connection c = database.open()) {
            person = new TreeSet<>(Sql.values(c, "SELECT id FROM professional")).first();
            course = Sql.scalar(c, "SELECT DISTINCT course_id FROM course_lesson");
        }
        var context = server.getApplicationContext();
        TestAccounts.create(context, "leerling@opvang.be", "professional", person);
        TestAccounts.create(context, "schrijver@venpmg.be", "editor", null);
        TestAccounts.create(context, "nalezer@venpmg.be", "editor", null);
        me = TestAccounts.bearer(api, "leerling@opvang.be");
        editor = TestAccounts.bearer(api, "schrijver@venpmg.be");
        reviewer = TestAccounts.bearer(api, "nalezer@venpmg.be");
    }

    @Test
    void theCheckOpensAfterTheLessonsAndAPassRecordsOneCompletion() throws Exception {
        String base = "/api/v1/me/courses/" + course;
        assertEquals(401, api.get(base + "/module").status());
        assertEquals(403, api.get(base + "/module", editor).status(), "progress is a professional's own");
        JsonNode module = api.get(base + "/module", me).json();
        assertEquals(5, module.get("lessons").size());
        assertEquals(0, module.get("lessons_read").asInt());
        assertEquals(409, api.get(base + "/check", me).status(), "the check comes after the lessons");
        assertEquals(404, api.post(base + "/lessons/bestaat-niet/read", me, Map.of()).status());
        for (JsonNode lesson : module.get("lessons")) {
            api.post(base + "/lessons/" + lesson.get("id").asText() + "/read", me, Map.of());
        }
        JsonNode questions = api.get(base + "/check", me).json();
        assertEquals(5, questions.size());
        Map<String, String> right = new HashMap<>();
        try (Connection c = database.open()) {
            for (JsonNode q : questions) {
                String id = q.get("id").asText();
                right.put(id, Sql.scalar(c, "SELECT right_answer FROM course_question WHERE id = '" + id + "'"));
                assertFalse(q.has("right_answer"), "the check never shows which answer is right");
                assertTrue(q.get("options").size() >= 3);
            }
        }
        assertEquals(400, api.post(base + "/check", me, Map.of("answers", Map.of())).status());

        Map<String, String> twoWrong = new HashMap<>(right);
        List<String> ids = List.copyOf(right.keySet());
        twoWrong.put(ids.get(0), "fout");
        twoWrong.put(ids.get(1), "ook fout");
        JsonNode failed = api.post(base + "/check", me, Map.of("answers", twoWrong)).json();
        assertFalse(failed.get("passed").asBoolean(), "3 of 5 is below 80 %");
        assertEquals(4, failed.get("to_pass").asInt());
        assertNull(failed.get("completion"));
        assertEquals(0, api.get("/api/v1/me/completions", me).json().size());

        JsonNode passed = api.post(base + "/check", me, Map.of("answers", right)).json();
        assertTrue(passed.get("passed").asBoolean(), passed.toString());
        assertTrue(passed.get("completion").hasNonNull("evidence_id"), "the network accredits its module: evidence");
        JsonNode again = api.post(base + "/check", me, Map.of("answers", right)).json();
        assertTrue(again.get("passed").asBoolean());
        assertNull(again.get("completion"), "passed once, completed once");
        assertEquals(1, api.get("/api/v1/me/completions", me).json().size());
        try (Connection c = database.open()) {
            assertEquals("3", Sql.scalar(c, "SELECT COUNT(*) FROM check_attempt WHERE professional_id = '" + person + "'"));
            assertEquals("accepted", Sql.scalar(c, "SELECT status FROM evidence WHERE professional_id = '" + person
                    + "' AND qualification = 'course:" + course + "'"));
        }
        assertTrue(api.get(base + "/module", me).json().get("passed").asBoolean());
    }

    @Test
    void aLessonKeepsOnlySafeMarkupOwnImagesAndAllowedVideos() throws Exception {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", "Korte module: slapen en huilen");
        fields.put("summary", "Online module voor kraamverzorgenden.");
        fields.put("level", "basis");
        fields.put("format", "online");
        fields.put("lessons", List.of(
                Map.of("title", "Veilig", "body", "## Slapen\n\n<script>alert(1)</script>\n\n![kaart](/static/lessen/steunend-netwerk.svg)\n\n"
                        + "![spoor](https://tracker.example/pixel.gif)\n\n<img src=x onerror=alert(1)>",
                        "video_url", "https://www.youtube-nocookie.com/embed/abc123"),
                Map.of("title", "Elders", "body", "Tekst", "video_url", "https://evil.example/video")));
        fields.put("questions", List.of(Map.of("question", "Wat helpt?", "right_answer", "Rust", "wrong_answers",
                "Lawaai\nSchudden")));
        ApiClient.Response draft = api.post("/api/v1/editor/listings/course", editor, Map.of("reason", "nieuwe module",
                "fields", fields));
        assertEquals(201, draft.status(), draft.body());
        long change = draft.json().get("id").asLong();
        api.post("/api/v1/editor/changes/" + change + "/submit", editor, Map.of());
        assertEquals(200, api.approve(change, reviewer, null).status());
        String id = draft.json().get("entity_id").asText();

        JsonNode lessons = api.get("/api/v1/me/courses/" + id + "/module", me).json().get("lessons");
        String html = lessons.get(0).get("html").asText();
        assertTrue(html.contains("<h2>Slapen</h2>"), html);
        assertTrue(html.contains("src=\"/static/lessen/steunend-netwerk.svg\""), html);
        assertFalse(html.contains("tracker.example") || html.contains("script") || html.contains("onerror"), html);
        assertEquals("www.youtube-nocookie.com", lessons.get(0).get("video_host").asText());
        assertFalse(lessons.get(1).hasNonNull("video_url"), "a video host outside the configuration is not linked");
        JsonNode page = api.get("/api/v1/courses/" + id).json();
        assertEquals(2, page.get("lessons").asInt());
    }
}
