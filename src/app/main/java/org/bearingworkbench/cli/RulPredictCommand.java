package org.bearingworkbench.cli;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.prognosis.LifeForecast;
import org.bearingworkbench.pipeline.prognosis.LifeForecaster;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.pipeline.prognosis.LifeOutput;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rul predict}: remaining-life forecasts for a run from a life model. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Forecast a run's remaining useful life with a life model (rul learn): at every --every seconds of the"
                    + " run and at its last snapshot, from that snapshot and the ones before it only. rul_seconds is"
                    + " the decision value (the best expected PHM 2012 score), with the median and a 90% band."
        })
final class RulPredictCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-features.csv>", description = "the run: a directory of snapshots or feature CSV")
    Path source;

    @Option(names = "--model", required = true, description = "the life model (rul learn -o)")
    Path model;

    @Option(names = "--every", description = "seconds between forecasts (default: an eighth of the run)")
    Double every;

    @Option(names = "--json", description = "print the forecasts as JSON on stdout")
    boolean json;

    @Option(
            names = {"-o", "--output"},
            description = "also write the forecasts as CSV")
    Path output;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        CommandChecks.requireSource(source);
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model " + model + ": no such file (rul learn writes one)");
        }
        if (every != null && !(every > 0)) {
            throw new IllegalArgumentException("--every: seconds > 0");
        }
        LifeModel m = LifeModel.read(model);
        FeatureTable t = DataSets.open(
                        source, dataSet.settings(), new CancellationToken().contextFor(new ConsoleProgress(System.err)))
                .table();
        List<LifeForecast> forecasts =
                LifeForecaster.every(m, t, every != null ? every : LifeForecaster.defaultEverySeconds(t));
        if (output != null) {
            AtomicFiles.write(output, (Writer w) -> LifeOutput.csv(forecasts, w));
        }
        if (json) {
            System.out.println(LifeOutput.json(m, forecasts));
            return 0;
        }
        System.out.println(
                "health indicator: " + m.feature() + " over its healthy start; failure level " + m.failureSource());
        System.out.printf(
                Locale.ROOT,
                "  %-20s %9s %9s %11s %11s %23s  %s%n",
                "time",
                "age_s",
                "indicator",
                "rul_s",
                "median_s",
                "90% band (s)",
                "method");
        for (LifeForecast f : forecasts) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s %9.0f %9.3g %11.0f %11.0f %23s  %s%n",
                    FeatureCsv.ISO.format(f.time()),
                    f.ageSeconds(),
                    f.level(),
                    f.rulSeconds(),
                    f.medianSeconds(),
                    String.format(Locale.ROOT, "[%.0f, %.0f]", f.lowSeconds(), f.highSeconds()),
                    f.method());
        }
        if (output != null) {
            System.out.println(forecasts.size() + " forecasts -> " + output);
        }
        return 0;
    }
}
