package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, throttling, CSRF and security headers, over real HTTP against a real database. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    ApiClient api;
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void setUp() {
        api = new ApiClient(server.getURL());
        for (String email : java.util.List.of("slot@venpmg.be", "sessie@venpmg.be", "koek@venpmg.be", "actief@venpmg.be")) {
            TestAccounts.create(server.getApplicationContext(), email, "editor", null);
        }
    }

    /** Red-team finding: every signed-in account saw disk and outbox details; now /health shows only a status. */
    @Test
    void healthDetailsAreForEditorsOnly() throws Exception {
        String editor = TestAccounts.bearer(api, "koek@venpmg.be");
        for (String token : new String[] {null, editor}) {
            ApiClient.Response health = api.get("/health", token);
            assertTrue(health.json().has("status"), health.body());
            assertFalse(health.json().has("details"), "no details on /health, signed in or not: " + health.body());
        }
        ApiClient.Response details = api.get("/api/v1/editor/health", editor);
        assertEquals(200, details.status(), details.body());
        assertTrue(details.json().path("details").has("diskSpace"), details.body());
        assertEquals(401, api.get("/api/v1/editor/health").status());
    }

    @Test
    void passwordsAreStoredAsArgon2idOnly() throws Exception {
        try (Connection c = database.open()) {
            String hash = Sql.scalar(c, "SELECT password_hash FROM account WHERE email = 'slot@venpmg.be'");
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertFalse(hash.contains(TestAccounts.PASSWORD));
        }
        assertEquals(403, api.post("/api/v1/admin/accounts", TestAccounts.bearer(api, "slot@venpmg.be"), Map.of()).status(),
                "editors cannot create accounts");
    }

    @Test
    void wrongPasswordsLockTheAccountAndTheMessageNeverRevealsWhetherItExists() throws Exception {
        ApiClient.Response unknown = login("niemand@venpmg.be", "wat dan ook maar");
        ApiClient.Response wrong = login("slot@venpmg.be", "verkeerd wachtwoord");
        assertEquals(401, unknown.status());
        assertEquals(401, wrong.status());
        assertEquals(unknown.json().get("detail"), wrong.json().get("detail"));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login("slot@venpmg.be", "verkeerd wachtwoord").status());
        }
        ApiClient.Response locked = login("slot@venpmg.be", TestAccounts.PASSWORD);
        assertEquals(429, locked.status(), "after five failures even the right password waits");
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET locked_until = NOW() - INTERVAL 1 SECOND WHERE email = 'slot@venpmg.be'");
        }
        assertEquals(200, login("slot@venpmg.be", TestAccounts.PASSWORD).status(), "the lock lifts after its time");
        // Red-team finding: the sixth attempt answered 429 for an account and 401 for an unknown address.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login("niemand@venpmg.be", "wat dan ook maar").status());
        }
        assertEquals(429, login("niemand@venpmg.be", "wat dan ook maar").status(),
                "an unknown address locks after five failures too, so the answers do not tell who has an account");
    }

    @Test
    void logoutExpiryPasswordChangeAndDeactivationEndSessions() throws Exception {
        String first = TestAccounts.bearer(api, "sessie@venpmg.be");
        String second = TestAccounts.bearer(api, "sessie@venpmg.be");
        assertEquals(200, api.get("/api/v1/auth/me", first).status());
        assertEquals(204, api.post("/api/v1/auth/logout", first, Map.of()).status());
        assertEquals(401, api.get("/api/v1/auth/me", first).status(), "a logged-out token is dead");
        assertEquals(200, api.get("/api/v1/auth/me", second).status(), "other sessions live on");

        try (Connection c = database.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account_session SET expires_at = NOW() - INTERVAL 1 SECOND");
        }
        assertEquals(401, api.get("/api/v1/auth/me", second).status(), "an expired session is dead");

        String third = TestAccounts.bearer(api, "sessie@venpmg.be");
        assertEquals(400, api.post("/api/v1/auth/password", third, Map.of("current_password", TestAccounts.PASSWORD,
                "new_password", "kort")).status());
        ApiClient.Response common = api.post("/api/v1/auth/password", third, Map.of("current_password",
                TestAccounts.PASSWORD, "new_password", "Password123!"));
        assertEquals(400, common.status(), "a common password is refused (ASVS 2.1.7)");
        assertTrue(common.body().contains("new_password"), common.body());
        String newPassword = "nog een ander lang wachtwoord";
        assertEquals(204, api.post("/api/v1/auth/password", third, Map.of("current_password", TestAccounts.PASSWORD,
                "new_password", newPassword)).status());
        assertEquals(401, api.get("/api/v1/auth/me", third).status(), "a password change ends every session");
        assertEquals(200, login("sessie@venpmg.be", newPassword).status());

        String active = TestAccounts.bearer(api, "actief@venpmg.be");
        TestAccounts.create(server.getApplicationContext(), "beheer@venpmg.be", "admin", null);
        String admin = TestAccounts.bearer(api, "beheer@venpmg.be");
        long id = api.get("/api/v1/auth/me", active).json().get("id").asLong();
        assertEquals(200, api.post("/api/v1/admin/accounts/" + id + "/deactivate", admin, Map.of()).status());
        assertEquals(401, api.get("/api/v1/auth/me", active).status());
        assertEquals(401, login("actief@venpmg.be", TestAccounts.PASSWORD).status());
    }

    @Test
    void theSignInFormSetsAStrictHttpOnlyCookieAndRefusesForgedForms() throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(uri("/inloggen")).build(),
                HttpResponse.BodyHandlers.ofString());
        String loginCookie = cookie(form, "nk_login_csrf");
        Matcher token = Pattern.compile("name=\"login_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find());

        HttpResponse<String> forged = postForm("/inloggen", null, "login_csrf=" + token.group(1)
                + "&email=koek%40venpmg.be&password=" + enc(TestAccounts.PASSWORD));
        assertEquals(403, forged.statusCode(), "without the login cookie the form is refused");

        HttpResponse<String> signedIn = postForm("/inloggen", "nk_login_csrf=" + loginCookie, "login_csrf="
                + token.group(1) + "&email=koek%40venpmg.be&password=" + enc(TestAccounts.PASSWORD) + "&terug="
                + enc("//evil.example/phish"));
        assertEquals(303, signedIn.statusCode());
        assertEquals("/redactie", signedIn.headers().firstValue("location").orElseThrow(), "no open redirect");
        String setCookie = signedIn.headers().allValues("set-cookie").stream().filter(v -> v.startsWith("nk_session="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String session = "nk_session=" + cookie(signedIn, "nk_session");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/redactie")).header("Cookie", session)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("cache-control").orElse(""));

        String csrf = api.send("GET", "/api/v1/auth/me", null, null, "Cookie", session).json().get("csrf_token").asText();
        String suggestionId;
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO change_suggestion (listing_type, listing_id, message, created_at) "
                    + "SELECT 'service', id, 'test', '2026-12-01 10:00:00' FROM service LIMIT 1");
            suggestionId = Sql.scalar(c, "SELECT MAX(id) FROM change_suggestion");
        }
        String reject = "/api/v1/editor/suggestions/" + suggestionId + "/reject";
        String body = "{\"reason\":\"dubbel\"}";
        assertEquals(403, api.send("POST", reject, null, body, "Cookie", session).status(), "no CSRF token");
        assertEquals(403, api.send("POST", reject, null, body, "Cookie", session, "X-CSRF-Token", "raden").status());
        assertEquals(403, api.send("POST", reject, null, body, "Cookie", session, "X-CSRF-Token", csrf,
                "Origin", "https://evil.example").status(), "a foreign origin is refused");
        try (Connection c = database.open()) {
            assertEquals("new", Sql.scalar(c, "SELECT status FROM change_suggestion WHERE id = " + suggestionId),
                    "refused requests changed nothing");
        }
        assertEquals(200, api.send("POST", reject, null, body, "Cookie", session, "X-CSRF-Token", csrf,
                "Origin", server.getURL().toString().replaceAll("/$", "")).status());
    }

    @Test
    void pagesRedirectToSignInAndApisAnswerProblems() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/redactie")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, page.statusCode());
        assertEquals("/inloggen?terug=%2Fredactie", page.headers().firstValue("location").orElseThrow());
        ApiClient.Response apiCall = api.get("/api/v1/editor/changes");
        assertEquals(401, apiCall.status());
        assertEquals("application/problem+json", apiCall.contentType());
        ApiClient.Response home = api.get("/");
        for (String header : java.util.List.of("content-security-policy", "x-content-type-options", "x-frame-options")) {
            assertTrue(browser.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue(header).isPresent(), header);
        }
        assertEquals(200, home.status());
    }

    private ApiClient.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    private HttpResponse<String> postForm(String path, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(v -> v.startsWith(name + "="))
                .map(v -> v.substring(name.length() + 1, v.indexOf(';'))).findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create(server.getURL().toString()).resolve(path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
