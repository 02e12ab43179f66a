package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.report.Durations;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: the LSTM autoencoder beside simple baselines on one run and split, in one table. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compare detectors on one run and split: PCA (Hotelling T² and SPE), robust Mahalanobis (MCD), "
                    + "isolation forest, and the LSTM autoencoder when a model is given; each through the "
                    + "same threshold "
                    + "method and persistence rule. Prints threshold, flagged rows, first sustained alarm, lead time, "
                    + "alarm rows inside training and top channel per detector."
        })
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-features.csv>", description = "directory of snapshots or feature CSV")
    Path source;

    @Mixin
    ModelSourceOptions model = new ModelSourceOptions();

    @Option(
            names = "--columns",
            description = "features the baselines read, names or globs (default: the model's, else "
                    + "*_bpfo,*_bpfi,*_bsf,*_mean_abs where the bearing is known, else *_mean_abs)")
    String columns;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Option(
            names = {"-o", "--output"},
            description = "write the comparison table as CSV")
    Path output;

    @Option(
            names = "--scores",
            description = "write every detector's score / its threshold per row as CSV (one timeline)")
    Path scores;

    @Override
    public Integer call() throws Exception {
        detect.validate();
        split.validate();
        CommandChecks.requireSource(source);
        List<Path> inputs = new ArrayList<>(List.of(source));
        inputs.addAll(model.validate(false));
        for (Path out : new Path[] {output, scores}) {
            if (out != null) {
                OutputFiles.checkFile(out, inputs);
            }
        }
        ImportResult data = DataSets.openFor(
                source,
                dataSet.settings(),
                columns,
                new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        FeatureTable table = data.table();
        ModelBundle bundle = model.load(table, columns, split.toSplit(table));
        List<String> cols = columns != null
                ? ColumnSelection.resolve(table, columns)
                : bundle != null ? bundle.model().columns() : ColumnSelection.defaults(table);
        var rule = bundle != null ? detect.rule(bundle) : detect.rule();
        var splitConfig = split.toSplit(table);
        DetectorComparison c = DetectorComparison.run(
                table,
                cols,
                splitConfig,
                bundle,
                detect.method(rule),
                rule,
                detect.perBearing(data.description()),
                new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        System.out.printf(
                Locale.ROOT,
                "%s: %d rows, %d training rows (until %s), features %s, persistence %s%n",
                table.name(),
                table.rowCount(),
                splitConfig.trainRows(table),
                FeatureCsv.ISO.format(table.timestamp(splitConfig.trainRows(table) - 1)),
                cols,
                rule);
        System.out.printf(
                Locale.ROOT,
                "%-26s %11s %8s %-20s %9s %10s %-7s%n",
                "detector",
                "threshold",
                "flagged",
                "first alarm",
                "lead time",
                "train alm",
                "top");
        for (DetectorComparison.Entry e : c.entries()) {
            AnomalyAnalysis a = e.analysis();
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %11.4g %8d %-20s %9s %10d %-7s%n",
                    e.label(),
                    a.threshold().value(),
                    a.alarms().flaggedCount(),
                    e.firstAlarm().isEmpty() ? "none" : e.firstAlarm(),
                    Durations.hours(a.leadTimeHours()),
                    a.alarms().trainingAlarmRows(),
                    a.dominantTopChannel().orElse("-"));
        }
        c.writeCsv(output, scores);
        return 0;
    }
}
