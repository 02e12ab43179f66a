package org.bearingworkbench.cli;

/** Runs the command line in-process for tests outside the cli package: {exit code, stdout, stderr}. */
public final class CliRunner {
    private CliRunner() {}

    public static String[] run(String... args) {
        return FeaturesCommandTest.runCapturing(args);
    }
}
