package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.SyntheticRunWriter;
import org.bearingworkbench.signal.SyntheticRun;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate}: writes a synthetic run-to-failure directory (the bundled sample, or a full-size one). */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic IMS-format run-to-failure (outer-race defect growing on one bearing).")
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir>", description = "directory to write the snapshot files into")
    Path dir;

    @Option(
            names = "--full-size",
            description = "984 files x 20,480 rows like IMS test 2 (default: the 160 x 2,048 sample)")
    boolean fullSize;

    @Option(names = "--gzip", description = "gzip each file (.gz)")
    boolean gzip;

    @Override
    public Integer call() throws Exception {
        SyntheticRun run = fullSize ? SyntheticRun.fullSize() : SyntheticRun.sample();
        SyntheticRunWriter.write(run, dir, gzip, new CancellationToken().contextFor(new ConsoleProgress(System.err)));
        System.err.printf("wrote %d files to %s%n", run.files(), dir);
        return 0;
    }
}
