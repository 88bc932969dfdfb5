package be.venpmg.nestkaart;

import be.venpmg.nestkaart.interop.ImportCommand;
import io.micronaut.runtime.Micronaut;

/**
 * Entry point. {@code nestkaart} serves; {@code nestkaart import FILE.json} imports an HSDS dataset and exits.
 */
public final class Nestkaart {
    private Nestkaart() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(new ImportCommand().run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.build(args).mainClass(Nestkaart.class).banner(false).start();
    }
}
