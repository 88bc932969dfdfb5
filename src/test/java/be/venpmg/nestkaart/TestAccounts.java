package be.venpmg.nestkaart;

import be.venpmg.nestkaart.access.AccountAdmin;
import be.venpmg.nestkaart.access.Roles;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accounts for tests: created through the same code as the admin API, signed in through the real login endpoint. */
public final class TestAccounts {
    public static final String PASSWORD = "een lang en sterk wachtwoord";

    private TestAccounts() {
    }

    public static void create(ApplicationContext context, String email, String role, String professionalId) {
        context.getBean(AccountAdmin.class).create(email, email, role, professionalId, null, PASSWORD, "test", null);
    }

    public static void representative(ApplicationContext context, String email, String organizationId) {
        context.getBean(AccountAdmin.class).create(email, email, Roles.REPRESENTATIVE, null, organizationId, PASSWORD,
                "test", null);
    }

    /** Signs in and returns the Authorization header value. */
    public static String bearer(ApiClient api, String email) {
        ApiClient.Response login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login.body());
        return "Bearer " + login.json().get("token").asText();
    }
}
