package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bearingworkbench.dataset.ChannelInfo;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.Sourced;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * MATLAB .mat files (v5 and v7; v7.3 is HDF5 and not read), one snapshot each, through the MAT File Library (MFL).
 * Channels are numeric vectors: the ones {@code --layout variables=X097_DE_time,X097_FE_time} names, else every
 * numeric vector of the most common length in name order (the CWRU layout gives {@code X097_DE_time},
 * {@code X097_FE_time}). A scalar whose name ends in {@code RPM} (CWRU's {@code X097RPM}) gives the shaft speed.
 * Times follow the layout's time rule as for delimited files (default: modification time).
 */
public final class MatFormat implements SnapshotFormat {
    private final List<String> variables;
    private final DelimitedLayout times;

    public MatFormat(String layout) {
        List<String> vars = null;
        StringBuilder rest = new StringBuilder();
        for (String part : (layout == null ? "" : layout).split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("variables=")) {
                vars = Arrays.stream(p.substring(10).split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
            } else if (!p.isEmpty()) {
                rest.append(p).append(';');
            }
        }
        this.variables = vars;
        this.times = DelimitedLayout.parse(rest.toString());
    }

    @Override
    public String id() {
        return "mat";
    }

    @Override
    public String label() {
        return "MATLAB .mat, one snapshot per file"
                + (variables == null ? "" : " (" + String.join(", ", variables) + ")");
    }

    static boolean isMat(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".mat");
    }

    @Override
    public double recognise(Path dir) {
        try (var s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .toList();
            return names.isEmpty()
                    ? 0
                    : 0.9 * names.stream().filter(MatFormat::isMat).count() / names.size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public List<SnapshotRef> list(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return TimedFiles.list(dir, MatFormat::isMat, "a .mat file", times.time(), skipped);
    }

    /** The numeric vectors of a file by name, and its RPM scalar (NaN without one). */
    record Contents(Map<String, double[]> vectors, double rpm) {}

    static Contents contents(Path file) throws InputFormatException {
        String name = file.getFileName().toString();
        Map<String, double[]> vectors = new HashMap<>();
        double rpm = Double.NaN;
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            for (MatFile.Entry e : mat.getEntries()) {
                Array a = e.getValue();
                if (!(a instanceof Matrix m)) {
                    continue;
                }
                int n = m.getNumElements();
                boolean vector = Math.min(m.getNumRows(), m.getNumCols()) == 1 && m.getNumDimensions() == 2;
                if (n == 1 && e.getName().toUpperCase(Locale.ROOT).endsWith("RPM")) {
                    rpm = m.getDouble(0);
                } else if (vector && n > 1) {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = m.getDouble(i);
                        if (!Double.isFinite(v[i])) {
                            throw new InputFormatException(
                                    name + ", variable " + e.getName() + ": element " + (i + 1) + " is " + v[i]);
                        }
                    }
                    vectors.put(e.getName(), v);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(name + ": not a readable MATLAB v5/v7 file (" + e.getMessage() + ")", e);
        }
        return new Contents(vectors, rpm);
    }

    /** One line per variable of a .mat file (name, size, class), for a preview; the problem when it cannot be read. */
    public static List<String> variables(Path file) {
        List<String> out = new ArrayList<>();
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            for (MatFile.Entry e : mat.getEntries()) {
                Array a = e.getValue();
                int[] d = a.getDimensions();
                out.add(e.getName() + ": "
                        + String.join(
                                " x ",
                                Arrays.stream(d).mapToObj(Integer::toString).toList()) + " " + a.getType());
            }
        } catch (IOException | RuntimeException e) {
            out.add("(not a readable MATLAB v5/v7 file: " + e.getMessage() + ")");
        }
        return out;
    }

    /** The channel variables of a file: the named ones, or every vector of the most common length. */
    List<String> channels(Contents c, String name) throws InputFormatException {
        if (variables != null) {
            for (String v : variables) {
                if (!c.vectors().containsKey(v)) {
                    throw new InputFormatException(name + ": no numeric vector '" + v + "' (has "
                            + new TreeSet<>(c.vectors().keySet()) + ")");
                }
            }
            return variables;
        }
        if (c.vectors().isEmpty()) {
            throw new InputFormatException(name + ": no numeric vectors (nothing to read as a channel)");
        }
        Map<Integer, Integer> lengths = new HashMap<>();
        c.vectors().values().forEach(v -> lengths.merge(v.length, 1, Integer::sum));
        int common = lengths.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        return c.vectors().entrySet().stream()
                .filter(e -> e.getValue().length == common)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public SignalView read(SnapshotRef ref, SnapshotReader reader) throws InputFormatException {
        Contents c = contents(ref.path());
        List<String> names = channels(c, ref.name());
        int rows = Integer.MAX_VALUE;
        for (String n : names) {
            rows = Math.min(rows, c.vectors().get(n).length);
        }
        double[][] out = new double[names.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.vectors().get(names.get(i));
        }
        return new ArrayView(out, rows);
    }

    @Override
    public DataSetDescription describe(Path dir, List<SnapshotRef> refs, SignalView first) {
        List<String> names = List.of();
        double rpm = Double.NaN;
        for (SnapshotRef r : refs) {
            try {
                Contents c = contents(r.path());
                names = channels(c, r.name());
                rpm = c.rpm();
                break;
            } catch (InputFormatException e) {
                // try the next file
            }
        }
        List<ChannelInfo> ch = new ArrayList<>();
        for (int i = 0; i < first.channels(); i++) {
            ch.add(new ChannelInfo("ch" + (i + 1), i < names.size() ? names.get(i) : "", 0, ""));
        }
        return new DataSetDescription(
                new Sourced<>(id(), ValueSource.DETECTED),
                "",
                Sourced.unknown(),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                Sourced.of(DirectoryEntries.medianInterval(refs), ValueSource.DETECTED),
                ch,
                ValueSource.DETECTED,
                Sourced.unknown(),
                Double.isFinite(rpm) && rpm > 0 ? new Sourced<>(rpm, ValueSource.FORMAT) : Sourced.unknown(),
                Sourced.unknown());
    }
}
