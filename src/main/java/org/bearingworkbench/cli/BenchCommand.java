package org.bearingworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.ImsDirectoryImporter;
import org.bearingworkbench.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench import}: times the directory import (warm page cache) and prints seconds, MB/s and heap used. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'import <dir>' times the import of a directory (after one warm-up run).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<what>", description = "import")
    String what;

    @Parameters(index = "1", paramLabel = "<dir>", description = "IMS directory")
    Path dir;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (!"import".equals(what)) {
            System.err.println("unknown benchmark '" + what + "' (known: import)");
            return 2;
        }
        ImsDirectoryImporter importer = new ImsDirectoryImporter();
        importer.importDirectory(dir, TaskContext.silent());
        double best = Double.MAX_VALUE;
        for (int r = 1; r <= runs; r++) {
            ImportResult res = importer.importDirectory(dir, TaskContext.silent());
            best = Math.min(best, res.seconds());
            Runtime rt = Runtime.getRuntime();
            System.out.printf(java.util.Locale.ROOT, "run %d: %d files, %.1f MB in %.3f s = %.0f MB/s (heap used %.0f MB, max %.0f MB)%n",
                    r, res.table().rowCount(), res.bytes() / 1e6, res.seconds(), res.megabytesPerSecond(),
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        }
        System.out.printf(java.util.Locale.ROOT, "best: %.3f s%n", best);
        return 0;
    }
}
