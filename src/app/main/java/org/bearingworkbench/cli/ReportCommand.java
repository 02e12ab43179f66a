package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.pipeline.prognosis.LifeModel;
import org.bearingworkbench.report.IncidentReport;
import org.bearingworkbench.report.IncidentReportHtml;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: the incident report of one run as a self-contained HTML file. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Score a run with a model and write the incident report: one self-contained HTML file (opens in "
                    + "any browser, prints to PDF) with the data set and its metadata, the model, the "
                    + "threshold and why, the "
                    + "timeline and histogram, the first sustained alarm and its lead time, which "
                    + "bearing, the envelope "
                    + "spectrum of the alarm file with the defect frequencies, the baseline detectors "
                    + "side by side and the "
                    + "remaining-life estimate."
        })
final class ReportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "<dir-or-features.csv>",
            description = "directory of snapshots (or a feature CSV: no physics)")
    Path source;

    @Mixin
    ModelSourceOptions model = new ModelSourceOptions();

    @Option(
            names = "--columns",
            description = "with --keras-model: the data columns the model reads (default: *_mean_abs)")
    String columns;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "HTML file to write")
    Path output;

    @Option(names = "--no-compare", description = "leave out the baseline detectors")
    boolean noCompare;

    @Option(
            names = "--life-model",
            description = "a life model (rul learn): its remaining-life forecasts, as rul predict gives them")
    Path lifeModel;

    @Option(names = "--no-rul", description = "leave out the health indicator and remaining life")
    boolean noRul;

    @Option(
            names = "--band",
            defaultValue = "auto",
            description = "demodulation band of the diagnosis: auto (chosen by the defect evidence, as envelope "
                    + "and diagnose do) or LOW-HIGH in Hz; default ${DEFAULT-VALUE}")
    String band;

    @Mixin
    SplitOptions split = new SplitOptions();

    @Mixin
    DetectOptions detect = new DetectOptions();

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        detect.validate();
        split.validate();
        CommandChecks.requireSource(source);
        List<Path> inputs = new ArrayList<>(List.of(source));
        inputs.addAll(model.validate(true));
        OutputFiles.checkFile(output, inputs);
        boolean auto = "auto".equalsIgnoreCase(band);
        PhysicsSettings base = auto ? PhysicsSettings.ims() : CommandChecks.band(band, PhysicsSettings.ims());
        var token = new CancellationToken();
        ImportResult data = DataSets.openFor(
                source,
                dataSet.settings(),
                model.columnsNeeded(columns),
                token.contextFor(new ConsoleProgress(System.err)));
        CommandChecks.listSkipped(data, output.toString(), System.err);
        ModelBundle bundle = model.load(data.table(), columns, split.toSplit(data.table()));
        bundle.differencesFrom(data.description())
                .forEach(d -> System.err.println("warning: the data differs from the model's training data: " + d));
        var rule = detect.rule(bundle);
        var method = detect.method(rule);
        AnomalyAnalysis a = Workflows.analyze(
                data.table(),
                bundle,
                method,
                rule,
                detect.perBearing(data.description()),
                token.contextFor(new ConsoleProgress(System.err)));
        IncidentReport r = IncidentReport.assemble(
                new IncidentReport.Subject(
                        source.toString(), data, bundle, model.path().toString(), a),
                method,
                rule,
                detect.perBearing(data.description()),
                base,
                new IncidentReport.Options(
                        !noCompare, !noRul, auto, lifeModel == null ? null : LifeModel.read(lifeModel)),
                token.contextFor(new ConsoleProgress(System.err)));
        IncidentReportHtml.write(r, output);
        System.err.print(AnalysisSummary.text(a));
        r.notes().forEach(n -> System.err.println("note: " + n));
        System.err.println("report -> " + output);
        return 0;
    }
}
