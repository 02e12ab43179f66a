package org.bearingworkbench.cli;

import java.nio.file.Path;
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

    @Option(names = "--model", required = true, description = "model bundle (.bwm)")
    Path modelFile;

    @Option(names = {"-o", "--output"}, required = true, description = "report CSV to write")
    Path output;

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var method = detect.method();
        FeatureTable table = DataSets.open(source, new CancellationToken().contextFor(new ConsoleProgress(System.err))).table();
        ModelBundle bundle = ModelBundle.load(modelFile);
        AnomalyAnalysis a = Workflows.analyze(table, bundle, method, detect.rule(), detect.channelsPerBearing,
                TaskContext.silent());
        AnomalyReportCsv.write(a, new AnomalyReportCsv.Provenance(source.toString(), modelFile.toString(),
                bundle.model().config().hash(), Long.toString(bundle.model().config().seed())), detect.onlyFlagged, output);
        if (json) {
            System.out.println(AnalysisSummary.json(a));
        } else {
            System.err.print(AnalysisSummary.text(a));
        }
        return 0;
    }
}
