package org.bearingworkbench;

import org.bearingworkbench.cli.BearingCli;

/**
 * Entry point of the jar. With arguments it runs the command line; without, it opens the workbench window.
 * Not a JavaFX Application itself (JavaFX on the classpath must start through a plain main class).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "gui".equals(args[0])) {
            org.bearingworkbench.ui.WorkbenchApp.main(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(BearingCli.run(args));
    }
}
