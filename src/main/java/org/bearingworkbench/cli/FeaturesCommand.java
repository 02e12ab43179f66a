package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.SyncTaskExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code features}: imports a directory (or reads a feature CSV) and writes the feature table. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Import an IMS directory (or a feature CSV) and write the per-file feature table as CSV.")
final class FeaturesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-csv>", description = "IMS directory of timestamped snapshot files, or a feature CSV")
    Path source;

    @Option(names = {"-o", "--output"}, required = true, description = "feature CSV to write")
    Path output;

    @Option(names = "--json", description = "print a one-line JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImportResult result = new SyncTaskExecutor().execute("Import",
                ctx -> DataSets.open(source, ctx), new ConsoleProgress(System.err));
        for (SkippedFile s : result.skipped()) {
            System.err.println("skipped " + s);
        }
        FeatureCsv.write(result.table(), output);
        if (json) {
            System.out.println(new Json().put("files", result.table().rowCount()).put("skipped", result.skipped().size())
                    .put("channels", result.channels()).put("seconds", result.seconds())
                    .put("mb_per_s", result.megabytesPerSecond()));
        } else {
            System.err.printf("%d files, %d skipped, %d channels in %.2f s (%.0f MB/s) -> %s%n",
                    result.table().rowCount(), result.skipped().size(), result.channels(), result.seconds(),
                    result.megabytesPerSecond(), output);
        }
        return 0;
    }
}
