package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.prognosis.FeatureRanking;
import org.bearingworkbench.pipeline.prognosis.RemainingLife;
import org.bearingworkbench.report.Durations;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rul}: feature ranking, a health indicator and remaining-life forecasts for one run. */
@Command(
        name = "rul",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = {RulLearnCommand.class, RulPredictCommand.class},
        description = {
            "Forecasts for a machine: 'rul learn <run-to-failure-dir>... -o model.bwr', then"
                    + " 'rul predict <dir> --model model.bwr [--json] [-o forecasts.csv]' (docs/prognosis.md).",
            "Without a subcommand, an exploration of one run: rank the features (monotonicity, trendability),"
                    + " build a health indicator from the best ones, find its degradation onset and forecast the"
                    + " remaining useful life with an exponential degradation model (Bayesian update per row),"
                    + " every --every hours from the onset.",
            "Forecasts need --failure-threshold (a level of the health indicator); without it the exploration"
                    + " stops at the onset: a run's last file is never taken for its failure."
        })
final class RulCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..1",
            paramLabel = "<dir-or-features.csv>",
            description = "directory of snapshots or feature CSV")
    Path source;

    @Option(names = "--columns", description = "candidate features, names or globs (default: every chN_ feature)")
    String columns;

    @Option(
            names = "--top",
            defaultValue = "3",
            description = "features in the health indicator (default ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--smoothing",
            defaultValue = "12",
            description = "causal moving average in rows (default ${DEFAULT-VALUE})")
    int smoothing;

    @Option(names = "--failure-threshold", description = "the health-indicator level taken as failure")
    Double failure;

    @Option(
            names = "--every",
            description =
                    "hours between forecasts (default: 12 on a run of 4 days or more, else an " + "eighth of the run)")
    Double every;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        if (source == null) {
            throw new IllegalArgumentException("rul needs a run (rul <dir>) or a subcommand: rul learn, rul predict");
        }
        split.validate();
        CommandChecks.requireSource(source);
        if (top < 1 || smoothing < 1 || every != null && !(every > 0)) {
            throw new IllegalArgumentException("--top and --smoothing: at least 1; --every: hours > 0");
        }
        FeatureTable t = DataSets.open(
                        source, dataSet.settings(), new CancellationToken().contextFor(new ConsoleProgress(System.err)))
                .table();
        List<String> candidates = columns != null ? ColumnSelection.resolve(t, columns) : RemainingLife.candidates(t);
        int trainRows = split.toSplit(t).trainRows(t);
        RemainingLife r = RemainingLife.of(
                t,
                candidates,
                trainRows,
                top,
                smoothing,
                failure,
                every != null ? every : RemainingLife.defaultEveryHours(t));
        System.out.println("feature ranking (one run; prognosability needs several runs to failure):");
        System.out.printf(Locale.ROOT, "  %-18s %12s %12s %8s%n", "feature", "monotonicity", "trendability", "fitness");
        for (FeatureRanking.Rank k :
                r.ranking().ranks().subList(0, Math.min(10, r.ranking().ranks().size()))) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s %12.3f %12.3f %8.3f%n",
                    k.column(),
                    k.monotonicity(),
                    k.trendability(),
                    k.fitness());
        }
        System.out.printf(
                Locale.ROOT,
                "health indicator: first principal component of %s on the %d training rows, "
                        + "smoothed over %d rows; onset threshold %.3g%n",
                r.indicator().columns(),
                trainRows,
                smoothing,
                r.onsetThreshold());
        if (r.onset() < 0) {
            System.out.println("no degradation onset: the indicator never leaves its healthy range for good");
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "degradation onset %s (%s)%n",
                FeatureCsv.ISO.format(t.timestamp(r.onset())),
                t.file(r.onset()));
        if (failure == null) {
            System.out.println("no forecast: " + r.failureSource());
            return 0;
        }
        System.out.printf(Locale.ROOT, "failure threshold %.4g (given)%n", r.failureThreshold());
        System.out.printf(Locale.ROOT, "  %-20s %10s %12s %22s%n", "time", "indicator", "RUL median", "90% band");
        for (RemainingLife.Estimate e : r.estimates()) {
            var f = e.forecast();
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s %10.3g %12s %22s%n",
                    FeatureCsv.ISO.format(e.time()),
                    e.indicator(),
                    hours(f.median()),
                    "[" + hours(f.low()) + ", " + hours(f.high()) + "]");
        }
        return 0;
    }

    private static String hours(double h) {
        return Durations.hours(h);
    }
}
