package org.bearingworkbench.fleet;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.bearingworkbench.model.ModelConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The fleet job's entry point, for {@code spark-submit --class org.bearingworkbench.fleet.FleetJob} (or {@code java
 * -cp} with {@code --master local[N]}). Prints one line per machine and where the tables went; exits 0 when the job
 * ran (machines that could not be scored are in the summary with their reason), 1 on a usage or input error.
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Score every machine under a root (one directory of snapshots per machine) on Apache Spark and "
                + "write features, scores, alarm episodes and a fleet summary.")
public final class FleetJob implements Callable<Integer> {
    @Parameters(paramLabel = "<root>", description = "fleet root (file:, hdfs:, s3a: ...), one directory per machine")
    String root;

    @Option(names = "--model", description = "model bundle (.bwm) for every machine (or the default with --models)")
    String model;

    @Option(names = "--models", description = "mapping file: machine,model lines (one bundle per machine)")
    String models;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "output directory (Parquet tables, fleet-summary.csv, reports/)")
    String output;

    @Option(names = "--overwrite", description = "replace the output directory if it exists")
    boolean overwrite;

    @Option(
            names = "--allow-failed",
            description = "exit 0 even when machines could not be scored (default: exit " + MACHINES_FAILED
                    + ", so that a scheduler sees it)")
    boolean allowFailed;

    @Option(names = "--reports", description = "also write each machine's anomaly report CSV (as the CLI's score)")
    boolean reports;

    @Option(names = "--threshold", description = "fixed threshold value (overrides the model's and the default)")
    Double threshold;

    @Option(names = "--threshold-method", description = "robust:3 (default) | percentile:99 | pot:0.001 | ...")
    String thresholdMethod;

    @Option(
            names = "--persistence",
            description =
                    "alarm when N of the last M rows are flagged (default: the " + "model's saved rule, else 3/3)")
    String persistence;

    @Option(names = "--channels-per-bearing", description = "channels per bearing (default: from each machine's data)")
    Integer channelsPerBearing;

    @Option(
            names = "--train",
            description = "train one model per machine on its own healthy range first (bundles "
                    + "in <output>/models/), instead of --model/--models")
    boolean train;

    @Option(names = "--train-until", description = "with --train: last training timestamp, e.g. '2004-02-15 12:52:39'")
    String trainUntil;

    @Option(names = "--train-fraction", description = "with --train: train on the first fraction of rows, e.g. 0.45")
    Double trainFraction;

    @Option(names = "--columns", description = "with --train: feature columns, names or globs (default: *_mean_abs)")
    String columns;

    @Option(names = "--epochs", description = "with --train: training epochs (default: the study's 100)")
    Integer epochs;

    @Option(names = "--workers-per-task", defaultValue = "1", description = "import threads per task (default: 1)")
    int workersPerTask;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*])")
    String master;

    private final PrintWriter out;
    private PrintWriter err = new PrintWriter(System.err, true);

    FleetJob(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        FleetJob job = new FleetJob(out);
        job.err = err;
        CommandLine cl = new CommandLine(job);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("fleet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        FleetTraining training = training(); // usage errors before Spark starts
        FleetSettings settings = FleetSettings.of(root, output)
                .threshold(threshold)
                .thresholdMethod(thresholdMethod)
                .persistence(persistence)
                .channelsPerBearing(channelsPerBearing)
                .reports(reports)
                .overwrite(overwrite)
                .workersPerTask(workersPerTask)
                .training(training)
                .build();
        ModelAssignment assignment = training == null ? ModelAssignment.of(model, models) : null;
        SparkConf conf = new SparkConf().setAppName("bearing-workbench-fleet");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master == null ? "local[*]" : master);
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            FleetRun.Outcome o = FleetRun.run(spark, settings, assignment);
            print(o);
            int code = exitCode(o, allowFailed);
            if (code != 0) {
                err.println("fleet: " + o.failed() + " machine(s) not scored (see the summary); exit code " + code
                        + " (--allow-failed: 0)");
            }
            return code;
        } finally {
            spark.stop();
        }
    }

    /** The exit code when a machine could not be scored (a usage error is 1; picocli's own 2). */
    static final int MACHINES_FAILED = 3;

    /** 0 when every machine was scored or {@code allowFailed}; else {@value #MACHINES_FAILED}. */
    static int exitCode(FleetRun.Outcome o, boolean allowFailed) {
        return o.failed() > 0 && !allowFailed ? MACHINES_FAILED : 0;
    }

    private FleetTraining training() {
        if (!train) {
            if (trainUntil != null || trainFraction != null || columns != null || epochs != null) {
                throw new IllegalArgumentException(
                        "--train-until, --train-fraction, --columns and --epochs go with --train");
            }
            return null;
        }
        if (model != null || models != null) {
            throw new IllegalArgumentException(
                    "give either --train (a model per machine, trained here) or " + "--model/--models, not both");
        }
        return new FleetTraining(
                trainUntil,
                trainFraction,
                columns,
                epochs == null ? ModelConfig.defaults().epochs() : epochs);
    }

    private void print(FleetRun.Outcome o) {
        out.printf(
                Locale.ROOT,
                "%-16s %-7s %-9s %-20s %8s %-12s %s%n",
                "machine",
                "status",
                "state",
                "first alarm",
                "lead h",
                "top channel",
                "note");
        for (MachineSummary s : o.machines()) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %-7s %-9s %-20s %8s %-12s %s%n",
                    s.machine(),
                    s.status(),
                    s.state(),
                    s.firstAlarm() == null ? "-" : s.firstAlarm().toString().replace('T', ' '),
                    FleetOutputs.hours(s.leadTimeHours()),
                    s.topChannel() == null ? "-" : s.topChannel(),
                    (s.skippedFiles().isEmpty() ? "" : s.skippedFiles().size() + " file(s) skipped; ")
                            + (s.message() == null ? "" : s.message()));
        }
        o.notes().forEach(n -> out.println("note: " + n));
        out.printf(
                Locale.ROOT,
                "%d machines (%d not scored) in %.1f s (reading and scoring: %.1f s); tables in %s%n",
                o.machines().size(),
                o.failed(),
                o.seconds(),
                o.scoringSeconds(),
                output);
    }
}
