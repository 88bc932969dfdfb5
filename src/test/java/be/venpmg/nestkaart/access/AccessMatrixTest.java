package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TableSnapshot;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint the server has (read from its router, so a new one cannot be forgotten), called as anonymous,
 * professional, editor and admin: the set of callers let through must equal the matrix below exactly. Calls that are
 * refused use real ids and valid bodies, so a missing check would show up as a write; the database must be unchanged
 * after all of them.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "nestkaart.search.open-on-startup", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest implements MariaDbTestSupport {
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> CALLERS = List.of(ANONYMOUS, Roles.PROFESSIONAL, Roles.REPRESENTATIVE,
            Roles.EDITOR, Roles.ADMIN, Roles.COMMISSION);
    private static final Set<String> EVERYONE = Set.copyOf(CALLERS);
    private static final Set<String> SIGNED_IN = Set.of(Roles.PROFESSIONAL, Roles.REPRESENTATIVE, Roles.EDITOR,
            Roles.ADMIN, Roles.COMMISSION);
    private static final Set<String> COMMISSION = Set.of(Roles.COMMISSION);
    private static final Set<String> EDITORS = Set.of(Roles.EDITOR, Roles.ADMIN);
    private static final Set<String> ADMINS = Set.of(Roles.ADMIN);
    private static final Set<String> PROFESSIONALS = Set.of(Roles.PROFESSIONAL);
    private static final Set<String> REPRESENTATIVES = Set.of(Roles.REPRESENTATIVE);

    /** The access-control matrix: who may call what. */
    private static final Map<String, Set<String>> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /", EVERYONE),
            Map.entry("GET /kortelijst", EVERYONE),
            Map.entry("GET /aanbod/{id}{/slug}", EVERYONE),
            Map.entry("GET /organisatie/{id}{/slug}", EVERYONE),
            Map.entry("GET /hulpverlener/{id}{/slug}", EVERYONE),
            Map.entry("POST /meld-een-wijziging", EVERYONE),
            Map.entry("POST /beheer-aanvragen", EVERYONE),
            Map.entry("GET /meld-nieuw-aanbod", EVERYONE),
            Map.entry("POST /meld-nieuw-aanbod", EVERYONE),
            Map.entry("GET /api/v1/editor/intakes", EDITORS),
            Map.entry("POST /api/v1/editor/intakes/{id}/accept", EDITORS),
            Map.entry("POST /api/v1/editor/intakes/{id}/close", EDITORS),
            Map.entry("GET /mijn-organisatie", REPRESENTATIVES),
            Map.entry("GET /api/v1/my-organization", REPRESENTATIVES),
            Map.entry("GET /api/v1/my-organization/services/{id}", REPRESENTATIVES),
            Map.entry("POST /api/v1/my-organization/listings/{type}/{id}/changes", REPRESENTATIVES),
            Map.entry("POST /api/v1/my-organization/services/{id}/availability", REPRESENTATIVES),
            Map.entry("POST /api/v1/my-organization/services/{id}/availability/confirm", REPRESENTATIVES),
            Map.entry("GET /api/v1/editor/choices/{table}", Set.of(Roles.REPRESENTATIVE, Roles.EDITOR, Roles.ADMIN)),
            Map.entry("GET /api/v1/editor/claims", EDITORS),
            Map.entry("POST /api/v1/editor/claims/{id}/confirm", EDITORS),
            Map.entry("POST /api/v1/editor/claims/{id}/reject", EDITORS),
            Map.entry("GET /sitemap.xml", EVERYONE),
            Map.entry("GET /robots.txt", EVERYONE),
            Map.entry("GET /health", EVERYONE),
            Map.entry("GET /health/{selector}", EVERYONE),
            // metrics hold no personal data; the proxy keeps them off the public route
            Map.entry("GET /prometheus", EVERYONE),
            Map.entry("GET /inloggen", EVERYONE),
            Map.entry("POST /inloggen", EVERYONE),
            Map.entry("GET /redactie", EDITORS),
            Map.entry("GET /mijn-profiel", PROFESSIONALS),
            Map.entry("GET /api/v1/search", EVERYONE),
            Map.entry("GET /api/v1/suggest", EVERYONE),
            Map.entry("GET /api/v1/services", EVERYONE),
            Map.entry("GET /api/v1/services/{id}", EVERYONE),
            Map.entry("GET /api/v1/organizations", EVERYONE),
            Map.entry("GET /api/v1/organizations/{id}", EVERYONE),
            Map.entry("GET /api/v1/professionals", EVERYONE),
            Map.entry("GET /api/v1/professionals/{id}", EVERYONE),
            Map.entry("GET /api/v1/service-areas", EVERYONE),
            Map.entry("GET /api/v1/taxonomies", EVERYONE),
            Map.entry("GET /api/v1/taxonomies/{idOrName}", EVERYONE),
            Map.entry("GET /api/v1/quality/criteria", EVERYONE),
            Map.entry("GET /api/v1/quality/rules", EVERYONE),
            Map.entry("POST /api/v1/auth/login", EVERYONE),
            Map.entry("GET /api/v1/auth/me", SIGNED_IN),
            Map.entry("POST /api/v1/auth/logout", SIGNED_IN),
            Map.entry("POST /api/v1/auth/password", SIGNED_IN),
            Map.entry("GET /api/v1/editor/listing-kinds", SIGNED_IN),
            Map.entry("GET /api/v1/editor/search-stats", EDITORS),
            Map.entry("GET /api/v1/editor/health", EDITORS),
            Map.entry("GET /api/v1/editor/changes", EDITORS),
            Map.entry("GET /api/v1/editor/changes/{id}", EDITORS),
            Map.entry("PUT /api/v1/editor/changes/{id}", EDITORS),
            Map.entry("POST /api/v1/editor/changes/{id}/submit", EDITORS),
            Map.entry("POST /api/v1/editor/changes/{id}/approve", EDITORS),
            Map.entry("POST /api/v1/editor/changes/{id}/reject", EDITORS),
            Map.entry("POST /api/v1/editor/changes/{id}/withdraw", EDITORS),
            Map.entry("POST /api/v1/editor/listings/{type}", EDITORS),
            Map.entry("GET /api/v1/editor/listings/{type}/{id}", EDITORS),
            Map.entry("POST /api/v1/editor/listings/{type}/{id}/changes", EDITORS),
            Map.entry("POST /api/v1/editor/listings/{type}/{id}/archive", EDITORS),
            Map.entry("POST /api/v1/editor/listings/{type}/{id}/verify", EDITORS),
            Map.entry("GET /api/v1/editor/stale", EDITORS),
            Map.entry("GET /api/v1/editor/suggestions", EDITORS),
            Map.entry("POST /api/v1/editor/suggestions/{id}/accept", EDITORS),
            Map.entry("POST /api/v1/editor/suggestions/{id}/reject", EDITORS),
            Map.entry("GET /api/v1/editor/evidence", EDITORS),
            Map.entry("POST /api/v1/editor/evidence/{id}/check", EDITORS),
            Map.entry("GET /api/v1/editor/professionals/{id}/evidence", EDITORS),
            Map.entry("POST /api/v1/editor/professionals/{id}/evidence", EDITORS),
            Map.entry("GET /api/v1/editor/organizations/{id}/evidence", EDITORS),
            Map.entry("POST /api/v1/editor/organizations/{id}/evidence", EDITORS),
            Map.entry("GET /api/v1/editor/professionals/{id}/recognition", EDITORS),
            Map.entry("GET /api/v1/editor/committee-files", EDITORS),
            Map.entry("GET /api/v1/editor/committee-events", EDITORS),
            Map.entry("GET /commissie", COMMISSION),
            Map.entry("GET /api/v1/commission/files", COMMISSION),
            Map.entry("GET /api/v1/commission/files/{id}", COMMISSION),
            Map.entry("GET /api/v1/commission/events", COMMISSION),
            Map.entry("POST /api/v1/commission/files/{id}/votes", COMMISSION),
            Map.entry("POST /api/v1/commission/files/{id}/question", COMMISSION),
            Map.entry("GET /api/v1/me/courses/{courseId}/module", PROFESSIONALS),
            Map.entry("POST /api/v1/me/courses/{courseId}/lessons/{lessonId}/read", PROFESSIONALS),
            Map.entry("GET /api/v1/me/courses/{courseId}/check", PROFESSIONALS),
            Map.entry("POST /api/v1/me/courses/{courseId}/check", PROFESSIONALS),
            Map.entry("GET /erkenningsregels/{version}", EVERYONE),
            Map.entry("GET /api/v1/me/profile", PROFESSIONALS),
            Map.entry("PUT /api/v1/me/profile", PROFESSIONALS),
            Map.entry("GET /api/v1/me/evidence", PROFESSIONALS),
            Map.entry("POST /api/v1/me/evidence", PROFESSIONALS),
            Map.entry("GET /api/v1/me/recognition", PROFESSIONALS),
            Map.entry("GET /api/v1/admin/accounts", ADMINS),
            Map.entry("POST /api/v1/admin/accounts", ADMINS),
            Map.entry("POST /api/v1/admin/accounts/{id}/deactivate", ADMINS),
            Map.entry("POST /api/v1/admin/accounts/{id}/activate", ADMINS),
            Map.entry("POST /api/v1/admin/professionals/{id}/erase", ADMINS),
            Map.entry("GET /opleidingen", EVERYONE),
            Map.entry("GET /opleiding/{id}{/slug}", EVERYONE),
            Map.entry("GET /opleiding/{id}/sessie/{sessionId}.ics", EVERYONE),
            Map.entry("GET /api/v1/courses", EVERYONE),
            Map.entry("GET /api/v1/courses/{id}", EVERYONE),
            Map.entry("GET /api/v1/me/completions", PROFESSIONALS),
            Map.entry("GET /api/v1/me/recommended-courses", PROFESSIONALS),
            Map.entry("POST /api/v1/editor/courses/{id}/sessions", EDITORS),
            Map.entry("PUT /api/v1/editor/course-sessions/{id}", EDITORS),
            Map.entry("POST /api/v1/editor/course-sessions/{id}/seats", EDITORS),
            Map.entry("POST /api/v1/editor/courses/{id}/completions", EDITORS),
            Map.entry("POST /api/v1/editor/courses/{id}/completions.csv", EDITORS),
            Map.entry("GET /api/v1/editor/professionals/{id}/completions", EDITORS),
            Map.entry("GET /api/v1/editor/export/{type}.csv", EDITORS),
            Map.entry("GET /api/v1/export/hsds.json", EVERYONE),
            Map.entry("GET /api/v1/export/hsds-datapackage.zip", EVERYONE),
            Map.entry("GET /openapi.json", EVERYONE),
            Map.entry("GET /api-docs", EVERYONE),
            Map.entry("GET /hsds", EVERYONE),
            Map.entry("GET /api/v1/coverage", EVERYONE),
            Map.entry("GET /api/v1/coverage.csv", EVERYONE),
            Map.entry("GET /dekking", EVERYONE),
            Map.entry("GET /voor-ouders", EVERYONE),
            Map.entry("GET /voor-professionals", EVERYONE),
            Map.entry("GET /affiches", EVERYONE),
            Map.entry("GET /informatie", EVERYONE),
            Map.entry("GET /informatie/{slug}", EVERYONE),
            Map.entry("GET /api/v1/pages", EVERYONE),
            Map.entry("GET /api/v1/pages/{slug}", EVERYONE),
            Map.entry("GET /verwijshulp", EVERYONE),
            Map.entry("GET /api/v1/referral-advice", EVERYONE),
            Map.entry("GET /api/v1/referral-rules", EVERYONE),
            Map.entry("GET /privacy", EVERYONE),
            Map.entry("GET /erkenning/{code}", EVERYONE),
            Map.entry("GET /qr/{name}.svg", EVERYONE),
            Map.entry("GET /hsds/profile", EVERYONE),
            Map.entry("GET /hsds/profile/schema/{name}", EVERYONE),
            Map.entry("GET /hsds/services", EVERYONE),
            Map.entry("GET /hsds/services/{id}", EVERYONE),
            Map.entry("GET /hsds/organizations", EVERYONE),
            Map.entry("GET /hsds/organizations/{id}", EVERYONE),
            Map.entry("GET /hsds/service_at_locations", EVERYONE),
            Map.entry("GET /hsds/service_at_locations/{id}", EVERYONE),
            Map.entry("GET /hsds/taxonomies", EVERYONE),
            Map.entry("GET /hsds/taxonomies/{id}", EVERYONE),
            Map.entry("GET /hsds/taxonomy_terms", EVERYONE),
            Map.entry("GET /hsds/taxonomy_terms/{id}", EVERYONE)));

    /** A body the writes accept as valid, so a missing check would lead to a real write. */
    private static final Map<String, Object> BODY = Map.ofEntries(Map.entry("reason", "matrix"),
            Map.entry("fields", Map.of("description", "gewijzigd door de matrix")), Map.entry("email", "m@venpmg.be"),
            Map.entry("password", "matrix wachtwoord 1"), Map.entry("display_name", "Matrix"), Map.entry("role", "admin"),
            Map.entry("accepted", true), Map.entry("decision", "approve"), Map.entry("note", "matrix"),
            Map.entry("kind", "intervision"), Map.entry("delta", 1), Map.entry("starts_at", "2027-01-01T09:00"),
            Map.entry("ends_at", "2027-01-01T12:00"), Map.entry("online", true), Map.entry("capacity", 10), Map.entry("issuer", "matrix"), Map.entry("obtained_on", "2025-01-01"),
            // a wrong current password: a password change would end the caller's sessions halfway through the matrix
            Map.entry("current_password", "niet het huidige"), Map.entry("new_password", "matrix wachtwoord 2"));

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    Database database;
    ApiClient api;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, String> realIds = new LinkedHashMap<>();

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(server.getURL());
        try (Connection c = database.open()) {
            realIds.put("service", new TreeSet<>(Sql.values(c, "SELECT id FROM service")).first());
            realIds.put("organization", new TreeSet<>(Sql.values(c, "SELECT id FROM organization")).first());
            realIds.put("professional", new TreeSet<>(Sql.values(c, "SELECT id FROM professional")).first());
            realIds.put("course", new TreeSet<>(Sql.values(c, "SELECT id FROM course")).first());
            realIds.put("session", new TreeSet<>(Sql.values(c, "SELECT id FROM course_session WHERE capacity > seats_taken")).first());
        }
        TestAccounts.create(server.getApplicationContext(), "professional@matrix.be", Roles.PROFESSIONAL,
                realIds.get("professional"));
        TestAccounts.create(server.getApplicationContext(), "editor@matrix.be", Roles.EDITOR, null);
        TestAccounts.representative(server.getApplicationContext(), "representative@matrix.be",
                realIds.get("organization"));
        TestAccounts.create(server.getApplicationContext(), "admin@matrix.be", Roles.ADMIN, null);
        TestAccounts.create(server.getApplicationContext(), "commission@matrix.be", Roles.COMMISSION, null);
        TestAccounts.create(server.getApplicationContext(), "author@matrix.be", Roles.EDITOR, null);
        String author = TestAccounts.bearer(api, "author@matrix.be");
        JsonNode change = api.post("/api/v1/editor/listings/service/" + realIds.get("service") + "/changes", author,
                Map.of("fields", Map.of("name", "Door de auteur"), "reason", "klaar voor review")).json();
        api.post("/api/v1/editor/changes/" + change.get("id").asText() + "/submit", author, Map.of());
        realIds.put("change", change.get("id").asText());
        JsonNode evidence = api.post("/api/v1/editor/professionals/" + realIds.get("professional") + "/evidence", author,
                Map.of("kind", "supervision", "issuer", "S", "obtained_on", "2025-01-01")).json();
        realIds.put("evidence", evidence.get("id").asText());
        try (Connection c = database.open(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO change_suggestion (listing_type, listing_id, message, created_at) VALUES ('service', '"
                    + realIds.get("service") + "', 'matrix', '2026-12-01 10:00:00')");
            realIds.put("suggestion", Sql.scalar(c, "SELECT MAX(id) FROM change_suggestion"));
            realIds.put("account", Sql.scalar(c, "SELECT id FROM account WHERE email = 'author@matrix.be'"));
        }
    }

    @Test
    void theMatrixNamesEveryEndpoint() {
        assertEquals(new TreeSet<>(MATRIX.keySet()), new TreeSet<>(routes()),
                "every endpoint needs a row in the access-control matrix");
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixAllows() {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (String route : routes()) {
            Set<String> allowed = new TreeSet<>();
            for (String caller : CALLERS) {
                ApiClient.Response response = call(route, caller, dummyPath(route));
                if (!refused(response)) {
                    allowed.add(caller);
                }
            }
            actual.put(route, allowed);
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        MATRIX.forEach((route, callers) -> expected.put(route, new TreeSet<>(callers)));
        assertEquals(expected, actual);
    }

    @Test
    void refusedWritesChangeNothing() throws Exception {
        List<String> writes = routes().stream().filter(r -> !r.startsWith("GET ")).toList();
        SIGNED_IN.forEach(this::token); // sign in before the snapshot: a sign-in is itself audited
        TableSnapshot before = snapshot();
        List<String> refusals = new ArrayList<>();
        for (String route : writes) {
            for (String caller : CALLERS) {
                if (MATRIX.getOrDefault(route, Set.of()).contains(caller)) {
                    continue;
                }
                ApiClient.Response response = call(route, caller, realPath(route));
                assertTrue(refused(response), route + " as " + caller + " → " + response.status() + " " + response.body());
                refusals.add(route + " as " + caller);
            }
        }
        long expected = writes.stream().mapToLong(r -> CALLERS.size() - MATRIX.get(r).size()).sum();
        assertEquals(expected, refusals.size(), "every refused write was tried");
        assertEquals(before, snapshot(), "refused calls changed the database");
    }

    private TableSnapshot snapshot() throws Exception {
        try (Connection c = database.open()) {
            TableSnapshot all = TableSnapshot.of(c);
            Map<String, String> tables = new LinkedHashMap<>(all.tables());
            tables.remove("account_session"); // every authenticated request moves the session's idle deadline
            return new TableSnapshot(tables);
        }
    }

    /** A refusal by access control: 401 without an account, 403 for the wrong one (not a 4xx of the endpoint). */
    private static boolean refused(ApiClient.Response response) {
        if (response.status() != 401 && response.status() != 403 || !response.contentType().startsWith("application/problem+json")) {
            return false;
        }
        String detail = response.json().path("detail").asText();
        return detail.startsWith("Sign in first") || detail.equals("This account may not do this.");
    }

    private ApiClient.Response call(String route, String caller, String path) {
        String method = route.substring(0, route.indexOf(' '));
        String authorization = ANONYMOUS.equals(caller) ? null
                : route.equals("POST /api/v1/auth/logout") ? "Bearer " + freshToken(caller) : token(caller);
        if (!method.equals("GET") && route.endsWith(".csv")) {
            return api.send(method, path, authorization, "professional_id,completed_on\n"
                    + realIds.get("professional") + ",2025-01-01\n", "Content-Type", "text/csv");
        }
        if (method.equals("GET")) {
            return api.send(method, path, authorization, null);
        }
        Map<String, Object> body = new LinkedHashMap<>(BODY);
        body.put("completions", List.of(Map.of("professional_id", realIds.get("professional"),
                "completed_on", "2025-01-01")));
        return api.send(method, path, authorization, body);
    }

    private String token(String caller) {
        return tokens.computeIfAbsent(caller, k -> "Bearer " + freshToken(k));
    }

    private String freshToken(String caller) {
        return TestAccounts.bearer(api, caller + "@matrix.be").substring("Bearer ".length());
    }

    private List<String> routes() {
        // HEAD routes are Micronaut's mirrors of the GET routes and share their rules.
        return router.uriRoutes().filter(r -> !"HEAD".equals(r.getHttpMethodName()))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .distinct().sorted().collect(Collectors.toList());
    }

    private static String dummyPath(String route) {
        return route.substring(route.indexOf(' ') + 1).replaceAll("\\{/[^}]+}", "").replace("{type}", "service")
                .replaceAll("\\{[^}]+}", "999999");
    }

    private String realPath(String route) {
        String template = route.substring(route.indexOf(' ') + 1).replace("{type}", "service");
        String key = template.contains("/course-sessions/") ? "session" : template.contains("/courses/") ? "course"
                : template.contains("/changes/{id}") ? "change" : template.contains("/suggestions/") ? "suggestion"
                : template.contains("/evidence/{id}") ? "evidence" : template.contains("/accounts/") ? "account"
                : template.contains("/listings/") ? "service" : template.contains("/organizations/") ? "organization"
                : template.contains("/professionals/") ? "professional" : "service";
        return template.replaceAll("\\{/[^}]+}", "").replaceAll("\\{[^}]+}", realIds.getOrDefault(key, "1"));
    }
}
