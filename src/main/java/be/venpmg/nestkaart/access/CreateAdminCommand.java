package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.platform.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import java.util.concurrent.Callable;

import be.venpmg.nestkaart.platform.CommandLineContext;
import io.micronaut.context.ApplicationContext;

import java.io.Console;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code nestkaart create-admin EMAIL "Display name"}: the first admin account. The password comes from
 * {@code NESTKAART_ADMIN_PASSWORD} or is asked on the console, never from the command line (it would land in the
 * shell history and the process list).
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Creates an admin account. The password comes from NESTKAART_ADMIN_PASSWORD or is asked on the "
                + "console, never from the command line (it would land in the shell history and the process list).")
public final class CreateAdminCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DISPLAY_NAME", description = "default: the e-mail address")
    String displayName;

    public CreateAdminCommand() {
        this(System.out, System.err, System.getenv());
    }

    public CreateAdminCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public int run(String... args) {
        return CommandLines.execute(this, out, err, args);
    }

    @Override
    public Integer call() {
        String password = environment.get("NESTKAART_ADMIN_PASSWORD");
        Console console = System.console();
        if ((password == null || password.isEmpty()) && console != null) {
            password = new String(console.readPassword("Wachtwoord voor %s: ", email));
        }
        if (password == null || password.isEmpty()) {
            err.println("No password: set NESTKAART_ADMIN_PASSWORD or run on a console.");
            return 2;
        }
        try (ApplicationContext context = CommandLineContext.start()) {
            Account account = context.getBean(AccountAdmin.class).create(email,
                    displayName != null ? displayName : email, Roles.ADMIN, null, null, password, "create-admin command", null);
            out.println("Admin account " + account.email() + " created (id " + account.id() + ").");
            return 0;
        } catch (RuntimeException e) {
            err.println("Not created: " + e.getMessage());
            return 1;
        }
    }
}
