package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputSet;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.RunWorkflow;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: import, train, pick the threshold, score and write features, model, report and summary in one go. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Import, train, threshold and score in one go; writes features.csv, model.bwm, "
                + "report.csv, summary.txt.")
final class RunCommand implements Callable<Integer> {
    private static final String FEATURES = "features.csv";
    private static final String MODEL = "model.bwm";
    private static final String REPORT = "report.csv";
    private static final String SUMMARY = "summary.txt";
    private static final Set<String> OUTPUTS = Set.of(FEATURES, MODEL, REPORT, SUMMARY);

    @Parameters(
            paramLabel = "<dir-or-features.csv>",
            description = "directory of snapshots (any format) or feature CSV")
    Path source;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "output folder (created if missing; new, empty or an earlier run's output); its four files "
                    + "are replaced together")
    Path outDir;

    @Option(
            names = "--columns",
            description =
                    "feature columns: names or globs, comma separated (default: the defect indicators and mean |x|, "
                            + "*_bpfo,*_bpfi,*_bsf,*_mean_abs, where the bearing is known, else *_mean_abs)")
    String columns;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var config = model.toConfig();
        detect.validate();
        split.validate();
        var method = detect.method();
        var settings = dataSet.settings();
        CommandChecks.requireSource(source);
        try (OutputSet out = OutputSet.begin(outDir, OUTPUTS, List.of(source))) {
            RunWorkflow.Result run = RunWorkflow.run(
                    source,
                    settings,
                    new RunWorkflow.Plan(
                            split::toSplit, columns, config, method, detect.rule(), detect.channelsPerBearing),
                    new RunWorkflow.Steps() {
                        @Override
                        public void imported(ImportResult data, SplitConfig s) throws Exception {
                            CommandChecks.listSkipped(
                                    data, outDir.resolve(SUMMARY) + " and the report header", System.err);
                            FeatureCsv.write(data.table(), out.file(FEATURES));
                            split.warnIfNothingLeft(data.table(), s, System.err);
                        }

                        @Override
                        public void epoch(EpochResult e) {
                            if (e.epoch() % 10 == 0 || e.epoch() == config.epochs()) {
                                System.err.printf(
                                        Locale.ROOT,
                                        "epoch %d/%d  loss %.4f  val_loss %.4f%n",
                                        e.epoch(),
                                        config.epochs(),
                                        e.loss(),
                                        e.validationLoss());
                            }
                        }
                    },
                    new CancellationToken().contextFor(new ConsoleProgress(System.err)),
                    TaskContext.silent());
            ImportResult imported = run.data();
            TrainingResult r = run.training();
            ModelBundle bundle = run.bundle();
            AnomalyAnalysis a = run.analysis();
            Path modelFile = outDir.resolve(MODEL);
            bundle.save(out.file(MODEL));
            AnomalyReportCsv.write(
                    a,
                    AnomalyReportCsv.Provenance.of(source.toString(), modelFile.toString(), bundle, imported.skipped())
                            .with(imported.description(), List.of()),
                    detect.onlyFlagged,
                    out.file(REPORT));
            String summary = summary(imported, r) + AnalysisSummary.text(a);
            AtomicFiles.write(out.file(SUMMARY), w -> w.write(summary + skippedList(imported)));
            out.commit();
            if (json) {
                System.out.println(AnalysisSummary.json(a));
            } else {
                System.out.print(summary);
            }
        }
        return 0;
    }

    private String summary(ImportResult imported, TrainingResult r) {
        return String.format(
                Locale.ROOT,
                "data: %s (%d files, %d skipped)%ntraining: %d rows until %s, %d epochs, "
                        + "loss %.4f, val %.4f, %.1f s%n",
                source,
                imported.table().rowCount(),
                imported.skipped().size(),
                r.trainRows(),
                FeatureCsv.ISO.format(r.trainEnd()),
                r.history().size(),
                r.last().loss(),
                r.last().validationLoss(),
                r.seconds());
    }

    private static String skippedList(ImportResult imported) {
        StringBuilder sb = new StringBuilder();
        if (!imported.skipped().isEmpty()) {
            sb.append("skipped:\n");
            for (SkippedFile f : imported.skipped()) {
                sb.append("  ").append(f).append('\n');
            }
        }
        return sb.toString();
    }
}
