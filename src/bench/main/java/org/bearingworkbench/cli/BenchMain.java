package org.bearingworkbench.cli;

/**
 * The benchmarks' command line, outside the product: {@code scripts/bench.sh import <dir>} runs {@code bench import
 * <dir>} with the application's classes and libraries (docs/performance.md says what each one measures).
 */
public final class BenchMain {
    private BenchMain() {}

    /** Adds {@code bench} to the command line's subcommands (the shipped one does not have it). */
    static void register() {
        BearingCli.COMMANDS.putIfAbsent("bench", BenchCommand::new);
    }

    public static void main(String[] args) {
        register();
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "bench";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        System.exit(BearingCli.run(args.length > 0 && "bench".equals(args[0]) ? args : withCommand));
    }
}
