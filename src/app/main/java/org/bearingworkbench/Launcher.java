package org.bearingworkbench;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.bearingworkbench.cli.BearingCli;
import org.bearingworkbench.cli.WindowCommand;
import org.bearingworkbench.ui.WorkbenchApp;

/**
 * Entry point of the jar. With arguments it runs the command line; without, it opens the workbench window.
 * Not a JavaFX Application itself (JavaFX on the classpath must start through a plain main class). The packaged
 * command-line launcher sets {@code -Dbw.cli=true}: it never opens the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        boolean cliOnly = Boolean.getBoolean("bw.cli");
        if (!cliOnly && (args.length == 0 || "gui".equals(args[0]))) {
            String[] window = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            OptionalInt exit = WindowCommand.check(List.of(window));
            if (exit.isPresent()) {
                System.exit(exit.getAsInt());
            }
            try {
                WorkbenchApp.main(window);
            } catch (RuntimeException e) { // the runtime could not start (a display that does not answer), or start()
                System.exit(WindowCommand.failed(e));
            }
            return;
        }
        System.exit(BearingCli.run(args));
    }
}
