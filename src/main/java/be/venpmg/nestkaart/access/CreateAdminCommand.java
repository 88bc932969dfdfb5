package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.platform.CommandLineContext;
import io.micronaut.context.ApplicationContext;

import java.io.Console;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code nestkaart create-admin EMAIL "Display name"}: the first admin account. The password comes from
 * {@code NESTKAART_ADMIN_PASSWORD} or is asked on the console, never from the command line (it would land in the
 * shell history and the process list).
 */
public final class CreateAdminCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public CreateAdminCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public int run(String[] args) {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: nestkaart create-admin EMAIL [\"Display name\"]  (password from NESTKAART_ADMIN_PASSWORD "
                    + "or the console)");
            return 2;
        }
        String password = environment.get("NESTKAART_ADMIN_PASSWORD");
        Console console = System.console();
        if ((password == null || password.isEmpty()) && console != null) {
            password = new String(console.readPassword("Wachtwoord voor %s: ", args[0]));
        }
        if (password == null || password.isEmpty()) {
            err.println("No password: set NESTKAART_ADMIN_PASSWORD or run on a console.");
            return 2;
        }
        try (ApplicationContext context = CommandLineContext.start()) {
            Account account = context.getBean(AccountAdmin.class).create(args[0],
                    args.length > 1 ? args[1] : args[0], Roles.ADMIN, null, password, "create-admin command", null);
            out.println("Admin account " + account.email() + " created (id " + account.id() + ").");
            return 0;
        } catch (RuntimeException | SQLException e) {
            err.println("Not created: " + e.getMessage());
            return 1;
        }
    }
}
