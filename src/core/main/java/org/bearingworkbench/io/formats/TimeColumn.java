package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotParser;

/**
 * A delimited file's time column: a header name such as {@code time}, {@code t}, {@code time_s} or {@code seconds}
 * over values that rise monotonically. It is the samples' time, never a signal: it is left out of the channels, and
 * its step gives the sample rate (seconds assumed).
 */
final class TimeColumn {
    /** Header names (lower case, units in brackets or after an underscore dropped) that mean time in seconds. */
    static final Set<String> NAMES = Set.of("time", "t", "times", "seconds", "second", "sec", "secs", "s");

    private TimeColumn() {}

    /** The header's column names (empty when the file has no header line). */
    static List<String> names(Path file, int headerLines) throws InputFormatException {
        if (headerLines < 1) {
            return List.of();
        }
        String last = null;
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < headerLines; i++) {
                String l = in.readLine();
                if (l != null && !l.strip().startsWith("#") && !l.isBlank()) {
                    last = l;
                }
            }
        } catch (IOException e) {
            throw new InputFormatException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (last == null) {
            return List.of();
        }
        String[] parts = last.strip().split(last.contains(",") ? "," : last.contains(";") ? ";" : "[\\t ]+");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.strip().replace("\"", ""));
        }
        return out;
    }

    /** Whether a header name means time: {@code time}, {@code Time [s]}, {@code time_s}, {@code t (s)}, ... */
    static boolean isTimeName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[\\[(].*", "").strip();
        if (n.endsWith("_s") || n.endsWith("_sec")) {
            n = n.substring(0, n.lastIndexOf('_'));
        }
        return NAMES.contains(n);
    }

    /** The index of the time column of a parsed file, or -1: named like time and rising throughout. */
    static int find(Path file, int headerLines, SnapshotParser p) throws InputFormatException {
        List<String> names = names(file, headerLines);
        for (int c = 0; c < Math.min(names.size(), p.channels()); c++) {
            if (isTimeName(names.get(c)) && rising(p.channel(c), p.rows())) {
                return c;
            }
        }
        return -1;
    }

    /** The column a view leaves out of its parser's (its time column). */
    static int missing(ParserView v) {
        boolean[] kept = new boolean[v.parser().channels()];
        for (int c : v.columns()) {
            kept[c] = true;
        }
        for (int c = 0; c < kept.length; c++) {
            if (!kept[c]) {
                return c;
            }
        }
        return -1;
    }

    static boolean rising(double[] x, int n) {
        if (n < 2) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (!(x[i] > x[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** 1 / the median step of a time column in seconds. */
    static double sampleRate(double[] t, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(d);
        double step = d[d.length / 2];
        return step > 0 ? Math.round(1 / step * 1000) / 1000.0 : Double.NaN;
    }
}
