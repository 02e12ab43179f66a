package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code train}: trains the LSTM autoencoder on the healthy part of a run and saves a model bundle. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Train the LSTM autoencoder on the training range and save a model bundle (.bwm).")
final class TrainCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "<dir-or-features.csv>",
            description = "directory of snapshots (any format) or feature CSV")
    Path source;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "model bundle to write (.bwm)")
    Path output;

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
    DataSetOptions dataSet = new DataSetOptions();

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var config = model.toConfig();
        split.validate();
        var settings = dataSet.settings();
        CommandChecks.requireSource(source);
        OutputFiles.checkFile(output, List.of(source));
        ImportResult data = DataSets.openFor(
                source, settings, columns, new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        CommandChecks.listSkipped(data, null, System.err);
        FeatureTable table = data.table();
        var splitConfig = split.toSplit(table);
        split.warnIfNothingLeft(table, splitConfig, System.err);
        TrainingResult r = Workflows.train(
                table,
                columns,
                splitConfig,
                config,
                e -> System.err.printf(
                        Locale.ROOT,
                        "epoch %d/%d  loss %.4f  val_loss %.4f  (%.2f s)%n",
                        e.epoch(),
                        config.epochs(),
                        e.loss(),
                        e.validationLoss(),
                        e.seconds()),
                new CancellationToken().contextFor((d, t, m) -> {}));
        ModelBundle.of(r).withDataSet(data.description()).save(output);
        if (json) {
            System.out.println(new Json()
                    .put("train_rows", r.fitWindows())
                    .put("val_rows", r.validationWindows())
                    .put("epochs", r.history().size())
                    .put("final_loss", r.last().loss())
                    .put("final_val_loss", r.last().validationLoss())
                    .put("train_seconds", r.seconds()));
        } else {
            System.err.printf(
                    Locale.ROOT,
                    "trained on %d rows (%s .. %s%s) in %.1f s, final loss %.4f, val %.4f -> %s%n",
                    r.trainRows(),
                    r.trainStart(),
                    r.trainEnd(),
                    data.skipped().isEmpty() ? "" : "; " + data.skipped().size() + " skipped file(s) left out",
                    r.seconds(),
                    r.last().loss(),
                    r.last().validationLoss(),
                    output);
        }
        return 0;
    }
}
