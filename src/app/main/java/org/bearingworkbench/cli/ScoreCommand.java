package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.BatchScoring;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code score}: scores a data set with a model bundle, applies a threshold and writes the anomaly report. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Score data with a model, pick the threshold, raise alarms and write the anomaly report CSV.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "<dir-or-features.csv>",
            description = "directory of snapshots (any format) or feature CSV")
    Path source;

    @Mixin
    ModelSourceOptions model = new ModelSourceOptions();

    @Option(
            names = "--columns",
            description = "with --keras-model: the data columns the model reads, names or globs (default: *_mean_abs)")
    String columns;

    @Option(names = "--save-model", description = "with --keras-model: also save it as a model bundle (.bwm)")
    Path saveModel;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "report CSV to write")
    Path output;

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        detect.validate();
        split.validate();
        var settings = dataSet.settings();
        CommandChecks.requireSource(source);
        List<Path> inputs = new ArrayList<>(List.of(source));
        inputs.addAll(model.validate(true));
        OutputFiles.checkFile(output, inputs);
        if (saveModel != null) {
            OutputFiles.checkFile(saveModel, inputs);
        }
        ImportResult data = DataSets.openFor(
                source,
                settings,
                model.columnsNeeded(columns),
                new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        CommandChecks.listSkipped(data, output + " (header)", System.err);
        FeatureTable table = data.table();
        ModelBundle bundle = model.load(table, columns, split.toSplit(table));
        Path modelSource = model.path();
        BatchScoring.ScoredData scored = BatchScoring.score(data, bundle, detect.settings(), TaskContext.silent());
        List<String> warnings = scored.warnings();
        warnings.forEach(w -> System.err.println("warning: " + w));
        AnomalyAnalysis a = scored.analysis();
        if (saveModel != null) {
            ModelBundle saved = bundle.withThreshold(
                            a.threshold().value(), a.threshold().method())
                    .withPersistence(a.alarms().rule().toString());
            (saved.trainedOn() == null ? saved.withDataSet(data.description()) : saved).save(saveModel);
        }
        AnomalyReportCsv.write(
                a,
                AnomalyReportCsv.Provenance.of(source.toString(), modelSource.toString(), bundle, data.skipped())
                        .with(data.description(), warnings),
                detect.onlyFlagged,
                output);
        if (json) {
            System.out.println(AnalysisSummary.json(a));
        } else {
            System.err.print(AnalysisSummary.text(a));
        }
        return 0;
    }
}
