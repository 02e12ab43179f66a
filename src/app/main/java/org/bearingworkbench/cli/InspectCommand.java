package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bearingworkbench.pipeline.DataSetPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inspect}: what opening a data source would give, before any import (the CLI's Open data dialog). */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show how a data directory (or recording) would be read: formats recognised, the first "
                + "snapshot's first lines, the data set's description with the source of each value, what is missing.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir-or-file>", description = "data directory, or one recording with --format recording")
    Path source;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        CommandChecks.requireSource(source);
        DataSetPreview p = DataSetPreview.of(source, dataSet.settings());
        for (DataSetPreview.Candidate c : p.candidates()) {
            System.out.printf(Locale.ROOT, "  %-10s %3.0f%%  %s%n", c.id(), 100 * c.confidence(), c.label());
        }
        System.out.println("format: " + p.format() + (p.snapshots() > 0 ? ", " + p.snapshots() + " snapshots" : ""));
        if (p.firstFile() != null) {
            System.out.println("first snapshot: " + p.firstFile());
            p.rawHead().forEach(l -> System.out.println("  | " + l));
        }
        if (p.description() != null) {
            p.description().lines().forEach(l -> System.out.println(l));
        }
        if (p.problem() != null) {
            System.out.println("problem: " + p.problem());
        }
        if (!p.missing().isEmpty()) {
            System.out.println("missing for bearing physics: " + String.join(", ", p.missing())
                    + " (give --sample-rate, --rpm, --bearing to features, run or the window: opening the directory"
                    + " with them remembers them for it; inspect only shows)");
        }
        return p.problem() == null ? 0 : 1;
    }
}
