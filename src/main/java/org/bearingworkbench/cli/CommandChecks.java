package org.bearingworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;

/** Checks and messages every data command shares: the source exists before any work, skipped files are named. */
final class CommandChecks {
    /** Skipped files listed one per line on stderr; more are counted and found in the named place. */
    static final int LISTED = 20;

    private CommandChecks() {
    }

    static void requireSource(Path source) throws InputFormatException {
        if (!Files.exists(source)) {
            throw new InputFormatException(source + ": no such file or directory");
        }
    }

    /**
     * Lists the files (or CSV rows) the import left out on {@code err}: all of them up to {@value #LISTED}, then
     * their count and {@code where} the full list is (e.g. the report header).
     */
    static void listSkipped(ImportResult data, String where, PrintStream err) {
        List<SkippedFile> skipped = data.skipped();
        for (int i = 0; i < Math.min(LISTED, skipped.size()); i++) {
            err.println("skipped " + skipped.get(i));
        }
        if (skipped.size() > LISTED) {
            err.println("… and " + (skipped.size() - LISTED) + " more skipped" + (where == null ? "" : "; all "
                    + skipped.size() + " are listed in " + where));
        }
    }
}
