package org.bearingworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.signal.PhysicsSettings;

/** Checks and messages every data command shares: the source exists before any work, skipped files are named. */
final class CommandChecks {
    /** Skipped files listed one per line on stderr; more are counted and found in the named place. */
    static final int LISTED = 20;

    private CommandChecks() {}

    static void requireSource(Path source) throws InputFormatException {
        if (!Files.exists(source)) {
            if (Files.isSymbolicLink(source)) {
                throw new InputFormatException(source + ": a symbolic link that leads nowhere (its target is missing,"
                        + " or the links form a loop)");
            }
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
            err.println("… and " + (skipped.size() - LISTED) + " more skipped"
                    + (where == null ? "" : "; all " + skipped.size() + " are listed in " + where));
        }
    }

    /** A demodulation band "LOW-HIGH" in Hz as {low, high}; the caller checks it against the sample rate. */
    static double[] parseBand(String band) {
        String[] p = band.split("-");
        var l = p.length == 2 ? NumberToken.parseCell(p[0]) : OptionalDouble.empty();
        var h = p.length == 2 ? NumberToken.parseCell(p[1]) : OptionalDouble.empty();
        if (l.isEmpty() || h.isEmpty() || !(l.getAsDouble() >= 0 && h.getAsDouble() > l.getAsDouble())) {
            throw new IllegalArgumentException("--band: '" + band + "' is not LOW-HIGH in Hz (e.g. 2000-8000) or auto");
        }
        return new double[] {l.getAsDouble(), h.getAsDouble()};
    }

    /** {@code base} with the band {@code spec} (a data set's physics clips it to its own Nyquist frequency). */
    static PhysicsSettings band(String spec, PhysicsSettings base) {
        double[] b = parseBand(spec);
        return new PhysicsSettings(
                base.geometry(),
                b[0],
                b[1],
                Math.max(base.sampleRate(), 2 * b[1]),
                base.harmonics(),
                base.tolerance(),
                base.spectrogramBins());
    }
}
