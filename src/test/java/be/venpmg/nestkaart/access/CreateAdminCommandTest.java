package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.MariaDbTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nestkaart create-admin} on the configured database: the first admin, with a strong password only. */
class CreateAdminCommandTest {
    private static final String DATABASE = "nkt_createadmincommandtest";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void pointAtTestDatabase() {
        MariaDbTestSupport.recreate(DATABASE);
        System.setProperty("datasources.default.url", MariaDbTestSupport.url(DATABASE));
        System.setProperty("nestkaart.embedded-db.enabled", "false");
    }

    @AfterEach
    void forget() {
        System.clearProperty("datasources.default.url");
        System.clearProperty("nestkaart.embedded-db.enabled");
    }

    @Test
    void createsTheFirstAdminAndRefusesWeakPasswordsAndDuplicates() throws Exception {
        assertEquals(1, command(Map.of("NESTKAART_ADMIN_PASSWORD", "kort")).run(new String[]{"eerste@venpmg.be"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 12 characters"));
        assertEquals(2, command(Map.of()).run(new String[]{"eerste@venpmg.be"}), "no password, no console");

        assertEquals(0, command(Map.of("NESTKAART_ADMIN_PASSWORD", "een sterk beheerderswachtwoord"))
                .run(new String[]{"eerste@venpmg.be", "Eerste beheerder"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Admin account eerste@venpmg.be created"));
        assertEquals(1, command(Map.of("NESTKAART_ADMIN_PASSWORD", "een sterk beheerderswachtwoord"))
                .run(new String[]{"Eerste@venpmg.be"}), "the address is taken, whatever its case");

        try (Connection c = DriverManager.getConnection(MariaDbTestSupport.url(DATABASE), MariaDbTestSupport.USER,
                MariaDbTestSupport.PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.role, a.display_name, r.action FROM account a "
                     + "JOIN revision r ON r.entity_type = 'account' AND r.entity_id = a.id")) {
            assertTrue(rs.next());
            assertEquals("admin", rs.getString(1));
            assertEquals("Eerste beheerder", rs.getString(2));
            assertEquals("created", rs.getString(3), "account creation is audited");
        }
    }

    private CreateAdminCommand command(Map<String, String> environment) {
        return new CreateAdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }
}
