package org.bearingworkbench.cli;

import java.io.PrintWriter;
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
        subcommands = {
            InspectCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            RunCommand.class,
            CompareCommand.class,
            RulCommand.class,
            ReportCommand.class,
            WatchCommand.class,
            ServeCommand.class,
            EnvelopeCommand.class,
            GenerateCommand.class,
            BenchCommand.class
        })
public final class BearingCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BearingCli.class);

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
        CommandLine cl = new CommandLine(new BearingCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.error("{} failed: {}", commandLine.getCommandName(), Errors.describe(ex), ex);
            commandLine.getErr().println("error: " + Errors.describe(ex));
            return 1;
        });
        return cl.execute(args);
    }
}
