package org.bearingworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.TrainingResult;
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

/** {@code run}: import, train, pick the threshold, score and write features, model, report and summary in one go. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Import, train, threshold and score in one go; writes features.csv, model.bwm, report.csv, summary.txt.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-features.csv>", description = "IMS directory or feature CSV")
    Path source;

    @Option(names = {"-o", "--output"}, required = true, description = "output directory (created if missing)")
    Path outDir;

    @Option(names = "--columns", description = "feature columns: names or globs (default: *_mean_abs)")
    String columns;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var config = model.toConfig();
        var method = detect.method();
        Files.createDirectories(outDir);
        ImportResult imported = DataSets.open(source, new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        FeatureCsv.write(imported.table(), outDir.resolve("features.csv"));
        TrainingResult r = Workflows.train(imported.table(), columns, split.toSplit(imported.table()), config,
                e -> {
                    if (e.epoch() % 10 == 0 || e.epoch() == config.epochs()) {
                        System.err.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  val_loss %.4f%n", e.epoch(),
                                config.epochs(), e.loss(), e.validationLoss());
                    }
                }, TaskContext.silent());
        ModelBundle bundle = ModelBundle.of(r);
        AnomalyAnalysis a = Workflows.analyze(imported.table(), bundle, method, detect.rule(), detect.channelsPerBearing,
                TaskContext.silent());
        bundle = bundle.withThreshold(a.threshold().value(), a.threshold().method());
        Path modelFile = outDir.resolve("model.bwm");
        bundle.save(modelFile);
        AnomalyReportCsv.write(a, AnomalyReportCsv.Provenance.of(source.toString(), modelFile.toString(), config),
                detect.onlyFlagged, outDir.resolve("report.csv"));
        String summary = String.format(Locale.ROOT, "data: %s (%d files, %d skipped)%ntraining: %d rows until %s, %d epochs, loss %.4f, val %.4f, %.1f s%n",
                source, imported.table().rowCount(), imported.skipped().size(), r.trainRows(),
                FeatureCsv.ISO.format(r.trainEnd()), r.history().size(), r.last().loss(), r.last().validationLoss(),
                r.seconds()) + AnalysisSummary.text(a);
        Files.writeString(outDir.resolve("summary.txt"), summary);
        if (json) {
            System.out.println(AnalysisSummary.json(a));
        } else {
            System.out.print(summary);
        }
        return 0;
    }
}
