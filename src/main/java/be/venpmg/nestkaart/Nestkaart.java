package be.venpmg.nestkaart;

import be.venpmg.nestkaart.access.CreateAdminCommand;
import be.venpmg.nestkaart.interop.ExportCommand;
import be.venpmg.nestkaart.interop.GenerateCommand;
import be.venpmg.nestkaart.interop.ImportCommand;
import be.venpmg.nestkaart.search.ReindexCommand;
import io.micronaut.runtime.Micronaut;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Entry point. {@code nestkaart} serves; {@code nestkaart import FILE.json} imports an HSDS dataset and
 * exits; {@code nestkaart export FILE.json|FILE.zip} writes the public dataset; {@code nestkaart generate} writes a
 * synthetic dataset for benchmarks; {@code nestkaart reindex} rebuilds the search index from the database; {@code nestkaart create-admin EMAIL}
 * creates the first admin account.
 */
@OpenAPIDefinition(info = @Info(
        title = "Nestkaart",
        version = "1",
        description = "The social map and training portal for perinatal and infant mental health in Flanders. "
                + "/api/v1 is Nestkaart's own JSON API; /hsds is a read API following the Open Referral "
                + "Human Services Data Specification (HSDS) 3.0 API reference. Errors are application/problem+json "
                + "(RFC 9457).",
        contact = @Contact(name = "V.E.N.P.M.G. – Vlaams expertisenetwerk perinatale mentale gezondheid"),
        license = @License(name = "Data: CC BY 4.0", url = "https://creativecommons.org/licenses/by/4.0/")),
        tags = {
                @Tag(name = "Search", description = "Finding help: text in everyday Dutch, filters, nearby, suggestions"),
                @Tag(name = "Directory", description = "Published services, organisations and professionals"),
                @Tag(name = "Taxonomies", description = "Care lines, care modules, problems, target groups, areas"),
                @Tag(name = "Guidance", description = "Information pages for parents and the referral helper for "
                        + "professionals"),
                @Tag(name = "Quality criteria", description = "The network's quality criteria and recognition rules"),
                @Tag(name = "Training portal", description = "Accredited courses and what a professional completed"),
                @Tag(name = "Export", description = "The public dataset as HSDS 3.0 tabular JSON or data package"),
                @Tag(name = "Authentication", description = "Signing in and out, the signed-in account"),
                @Tag(name = "My profile (professionals)", description = "A professional's own profile, evidence and "
                        + "recognition"),
                @Tag(name = "My organisation (representatives)", description = "A confirmed representative keeps "
                        + "their organisation's listings current"),
                @Tag(name = "Editorial workflow", description = "Drafts, review by a second editor, publication, "
                        + "suggestions, intakes, claims, freshness"),
                @Tag(name = "Editorial: quality and recognition", description = "Checking evidence, committee files"),
                @Tag(name = "Editorial: training", description = "Course sessions, seats and completions"),
                @Tag(name = "Administration", description = "Accounts and erasure")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Token from POST /api/v1/auth/login")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "nk_session",
        description = "Browser session of /inloggen; writes also need the X-CSRF-Token header")
public final class Nestkaart {
    private Nestkaart() {
    }

    /** The commands besides serving; {@code nestkaart --help} lists them, {@code nestkaart COMMAND --help} explains one. */
    @Command(name = "nestkaart", mixinStandardHelpOptions = true,
            description = "Without a command: serves Nestkaart (the API and the pages).",
            subcommands = {ImportCommand.class, ExportCommand.class, GenerateCommand.class, ReindexCommand.class,
                    CreateAdminCommand.class})
    static final class Commands {
    }

    /** Read by logback.xml: a command prints its own result, so only warnings are logged while it runs. */
    private static final String COMMAND_LOG_LEVEL = "nestkaart.log.level";

    public static void main(String[] args) {
        CommandLine commands = new CommandLine(new Commands());
        if (args.length > 0 && (commands.getSubcommands().containsKey(args[0]) || args[0].startsWith("-h")
                || args[0].equals("--help"))) {
            if (System.getProperty(COMMAND_LOG_LEVEL) == null) {
                System.setProperty(COMMAND_LOG_LEVEL, "WARN");
            }
            System.exit(commands.execute(args));
        }
        Micronaut.build(args).mainClass(Nestkaart.class).banner(false).start();
    }
}
