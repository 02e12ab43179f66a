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
        System.exit(BearingCli.run(args));
    }
}
