package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.report.Durations;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rul learn}: a life model from runs to failure. */
@Command(
        name = "learn",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Learn a remaining-life model from runs to failure (each directory one bearing, run until it failed):"
                    + " the health indicator's feature, the failure level and the runs' lives (docs/prognosis.md)."
        })
final class RulLearnCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "<dir>", description = "runs to failure, one directory each (two or more)")
    List<Path> runs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "the life model to write (.bwr)")
    Path output;

    @Option(
            names = "--feature",
            description = "the measure the health indicator is built from (default: rms, the largest chN_rms)")
    String feature;

    @Option(
            names = "--failure-level",
            description = "the failure level in the feature's unit (e.g. 5 for an RMS of 5 g); default: learned, the"
                    + " lowest level a run ended at relative to its healthy start")
    Double failureLevel;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        if (failureLevel != null && !(failureLevel > 0 && Double.isFinite(failureLevel))) {
            throw new IllegalArgumentException("--failure-level: a positive number in the feature's unit");
        }
        List<LifeModel.Run> learn = new ArrayList<>();
        for (Path run : runs) {
            CommandChecks.requireSource(run);
            var table = DataSets.open(
                            run,
                            dataSet.settings(),
                            new CancellationToken().contextFor(new ConsoleProgress(System.err)))
                    .table();
            learn.add(new LifeModel.Run(run.getFileName().toString(), table));
        }
        LifeModel m = LifeModel.learn(learn, feature, failureLevel == null ? Double.NaN : failureLevel);
        m.write(output);
        System.out.println("features across the runs (monotonicity + prognosability):");
        for (LifeModel.Candidate c : m.ranking()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %12.3f %14.3f %8.3f%s%n",
                    c.measure(),
                    c.monotonicity(),
                    c.prognosability(),
                    c.fitness(),
                    c.measure().equals(m.feature()) ? "  <- used" : "");
        }
        System.out.println("failure level " + m.failureSource());
        for (LifeModel.History h : m.histories()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s life %8.0f s (%s), ended at %.3g x its healthy %s%n",
                    h.name(),
                    h.lifeSeconds(),
                    Durations.hours(h.lifeSeconds() / 3600),
                    h.finalLevel(),
                    m.feature());
        }
        System.out.println("life model of " + m.histories().size() + " runs -> " + output);
        return 0;
    }
}
