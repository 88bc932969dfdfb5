package be.venpmg.nestkaart;

import be.venpmg.nestkaart.access.CreateAdminCommand;
import be.venpmg.nestkaart.interop.ImportCommand;
import be.venpmg.nestkaart.search.ReindexCommand;
import io.micronaut.runtime.Micronaut;

/**
 * Entry point. {@code nestkaart} serves; {@code nestkaart import FILE.json} imports an HSDS dataset and
 * exits; {@code nestkaart reindex} rebuilds the search index from the database; {@code nestkaart create-admin EMAIL}
 * creates the first admin account.
 */
public final class Nestkaart {
    private Nestkaart() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(new ImportCommand().run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "reindex".equals(args[0])) {
            System.exit(new ReindexCommand(System.out, System.err).run());
        }
        if (args.length > 0 && "create-admin".equals(args[0])) {
            System.exit(new CreateAdminCommand(System.out, System.err, System.getenv())
                    .run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.build(args).mainClass(Nestkaart.class).banner(false).start();
    }
}
