package be.venpmg.nestkaart.platform;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Runs a picocli command with its own output streams: exit 0 done, 1 refused or failed, 2 wrong use. */
public final class CommandLines {
    private CommandLines() {
    }

    public static int execute(Object command, PrintStream out, PrintStream err, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .execute(args);
    }
}
