package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.SyncTaskExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code features}: imports a directory (or reads a feature CSV) and writes the feature table. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Import a directory of snapshots in any format the workbench reads (IMS, PRONOSTIA, XJTU-SY, "
                + "delimited, WAV, MAT) or a feature CSV, and write the per-file feature table as CSV.")
final class FeaturesCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "<dir-or-csv>",
            description = "directory of snapshot files (any format the workbench reads), or a feature CSV")
    Path source;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "feature CSV to write")
    Path output;

    @Option(
            names = "--defects",
            description = "also compute bearing defect indicators per channel (ch<N>_bpfo, _bpfi, "
                    + "_bsf, _2bsf, _ftf: envelope peak / noise floor) from the data set's "
                    + "bearing, shaft speed and sample rate (band 2-8 kHz)")
    boolean defects;

    @Option(
            names = "--summary",
            description =
                    "print each column's statistics (count, mean, sd, min, max; Tablesaw's " + "summary) on stdout")
    boolean summary;

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        var settings = dataSet.settings();
        CommandChecks.requireSource(source);
        OutputFiles.checkFile(output, List.of(source));
        ImportResult result;
        var table = (FeatureTable) null;
        if (defects) {
            // the physics is computed while each file is read (one pass over the files)
            var imported = new SyncTaskExecutor()
                    .execute(
                            "Import",
                            ctx -> DataSets.openWithDefects(source, settings, ctx),
                            new ConsoleProgress(System.err));
            result = imported.data();
            var physics = imported.physics().settings();
            System.err.printf(
                    Locale.ROOT,
                    "defect indicators: %s, %.6g Hz, band %.0f-%.0f Hz%n",
                    physics.geometry().name(),
                    physics.sampleRate(),
                    physics.bandLowHz(),
                    physics.bandHighHz());
            table = result.table();
        } else {
            result = new SyncTaskExecutor()
                    .execute("Import", ctx -> DataSets.open(source, settings, ctx), new ConsoleProgress(System.err));
            table = result.table();
        }
        for (SkippedFile s : result.skipped()) {
            System.err.println("skipped " + s);
        }
        FeatureCsv.write(table, output);
        if (summary) {
            System.out.println(table.table().summary().printAll());
        }
        if (json) {
            System.out.println(new Json()
                    .put("files", result.table().rowCount())
                    .put("skipped", result.skipped().size())
                    .put("channels", result.channels())
                    .put("seconds", result.seconds())
                    .put("mb_per_s", result.megabytesPerSecond()));
        } else {
            for (String line : result.description().lines()) {
                System.err.println("  " + line);
            }
            System.err.printf(
                    "%d files, %d skipped, %d channels in %.2f s (%.0f MB/s) -> %s%n",
                    result.table().rowCount(),
                    result.skipped().size(),
                    result.channels(),
                    result.seconds(),
                    result.megabytesPerSecond(),
                    output);
        }
        return 0;
    }
}
