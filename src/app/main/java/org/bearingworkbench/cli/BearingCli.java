package org.bearingworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: one subcommand per job, all calling the same headless core as the GUI. */
@Command(
        name = "bearing-workbench",
        mixinStandardHelpOptions = true,
        version = "Bearing Workbench 0.1.0",
        description = "Bearing-vibration anomaly detection with an LSTM autoencoder (IMS, PRONOSTIA, XJTU-SY, "
                + "delimited, WAV, MAT).",
        footer = {
            "",
            "Without a command, or with 'gui [<dir-or-csv>]': the workbench window (gui --help; installed, the"
                    + " BearingWorkbench launcher)."
        })
public final class BearingCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BearingCli.class);

    /**
     * The subcommands by name, in the order the usage lists them. A run builds only the one it names (picocli reads
     * every option of every command it is given, ~0.1-0.2 s of each start for thirteen commands); the usage and an
     * unknown name get them all.
     */
    static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("inspect", InspectCommand::new);
        COMMANDS.put("features", FeaturesCommand::new);
        COMMANDS.put("train", TrainCommand::new);
        COMMANDS.put("score", ScoreCommand::new);
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("compare", CompareCommand::new);
        COMMANDS.put("rul", RulCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("watch", WatchCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("envelope", EnvelopeCommand::new);
        COMMANDS.put("diagnose", DiagnoseCommand::new);
        COMMANDS.put("generate", GenerateCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.error("{} failed: {}", commandLine.getCommandName(), Errors.describe(ex), ex);
            commandLine.getErr().println("error: " + Errors.describe(ex));
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * A path argument; one the system cannot represent (a non-ASCII name under a C locale) is named with what to do,
     * not Java's InvalidPathException.
     */
    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' cannot be a path here: "
                    + e.getReason() + " (the locale's encoding is " + System.getProperty("sun.jnu.encoding")
                    + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8, or rename the file)");
        }
    }

    /** The command line with the subcommand {@code first} names, or with all of them. */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new BearingCli());
        Supplier<Object> named = first == null ? null : COMMANDS.get(first);
        if (named != null) {
            cl.addSubcommand(first, named.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.registerConverter(Path.class, BearingCli::path); // after the subcommands: it applies to them
        return cl;
    }
}
