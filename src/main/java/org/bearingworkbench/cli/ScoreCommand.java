package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code score}: scores a data set with a model bundle, applies a threshold and writes the anomaly report. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score data with a model, pick the threshold, raise alarms and write the anomaly report CSV.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-features.csv>", description = "IMS directory or feature CSV")
    Path source;

    @Option(names = "--model", description = "model bundle (.bwm)")
    Path modelFile;

    @Option(names = "--keras-model", description = "a Keras LSTM autoencoder (.h5) instead of a bundle; needs --scaler")
    Path kerasModel;

    @Option(names = "--scaler", description = "the Keras model's scikit-learn MinMaxScaler as JSON (data_min_, data_max_)")
    Path scaler;

    @Option(names = "--columns", description = "with --keras-model: the data columns the model reads, names or globs (default: *_mean_abs)")
    String columns;

    @Option(names = "--save-model", description = "with --keras-model: also save it as a model bundle (.bwm)")
    Path saveModel;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Option(names = {"-o", "--output"}, required = true, description = "report CSV to write")
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
        var method = detect.method();
        if ((modelFile == null) == (kerasModel == null)) {
            throw new IllegalArgumentException("give either --model FILE.bwm or --keras-model FILE.h5 --scaler FILE.json");
        }
        if (kerasModel != null && scaler == null) {
            throw new IllegalArgumentException("--keras-model needs --scaler FILE.json (the min-max scaler it was trained with)");
        }
        CommandChecks.requireSource(source);
        List<Path> inputs = new ArrayList<>(List.of(source));
        for (Path p : new Path[] {modelFile, kerasModel, scaler}) {
            if (p != null) {
                CommandChecks.requireSource(p);
                inputs.add(p);
            }
        }
        OutputFiles.checkFile(output, inputs);
        if (saveModel != null) {
            OutputFiles.checkFile(saveModel, inputs);
        }
        ImportResult data = DataSets.open(source, settings, new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        CommandChecks.listSkipped(data, output + " (header)", System.err);
        FeatureTable table = data.table();
        ModelBundle bundle = kerasModel != null
                ? Workflows.importKeras(table, kerasModel, scaler, columns, split.toSplit(table))
                : ModelBundle.load(modelFile);
        Path modelSource = kerasModel != null ? kerasModel : modelFile;
        List<String> warnings = bundle.differencesFrom(data.description()).stream()
                .map(d -> "the data differs from the model's training data: " + d).toList();
        warnings.forEach(w -> System.err.println("warning: " + w));
        var rule = detect.rule(bundle);
        AnomalyAnalysis a = Workflows.analyze(table, bundle, detect.method(rule), rule, detect.channelsPerBearing,
                TaskContext.silent());
        if (saveModel != null) {
            ModelBundle saved = bundle.withThreshold(a.threshold().value(), a.threshold().method())
                    .withPersistence(rule.toString());
            (saved.trainedOn() == null ? saved.withDataSet(data.description()) : saved).save(saveModel);
        }
        AnomalyReportCsv.write(a, AnomalyReportCsv.Provenance.of(source.toString(), modelSource.toString(),
                bundle, data.skipped()).with(data.description(), warnings), detect.onlyFlagged, output);
        if (json) {
            System.out.println(AnalysisSummary.json(a));
        } else {
            System.err.print(AnalysisSummary.text(a));
        }
        return 0;
    }
}
