package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import us.hebi.matlab.mat.types.Struct;

/**
 * MATLAB .mat files (v5 and v7; v7.3 is HDF5 and not read), one snapshot each, through the MAT File Library (MFL).
 * Channels are numeric vectors: the ones {@code --layout variables=X097_DE_time,X097_FE_time} names, else every
 * numeric vector of the most common length in the file's order (the CWRU layout gives {@code X097_DE_time},
 * {@code X097_FE_time}); a 1x1 struct's fields count as {@code struct.field} (the MFPT files' {@code bearing.gs}). A
 * scalar whose name ends in {@code rpm} (CWRU's {@code X097RPM}) gives the shaft speed in rpm, one named {@code rate}
 * or {@code shaft_hz} in Hz; one named {@code sr} or {@code fs} (and the like) the sample rate.
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
    public boolean fixedLength() {
        return false;
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
        return TimedFiles.list(dir, MatFormat::isMat, "a .mat file", times.time(), skipped, true);
    }

    @Override
    public List<SnapshotRef> files(Path dir, List<SkippedFile> skipped) throws InputFormatException {
        return TimedFiles.list(dir, MatFormat::isMat, "a .mat file", times.time(), skipped, false);
    }

    /** Names (case-insensitive, the last part of a struct path) of scalars that state the sample rate in Hz. */
    static final Set<String> SAMPLE_RATE_NAMES =
            Set.of("sr", "fs", "samplerate", "sample_rate", "sampling_rate", "samplingrate", "sampling_frequency");

    /** Names of scalars that state the shaft speed in Hz (names ending in {@code rpm} state it in rpm). */
    static final Set<String> SHAFT_HZ_NAMES = Set.of("rate", "shaft_hz", "speed_hz", "shaft_speed_hz");

    /**
     * A file's numeric vectors by name (in the file's order; a struct's fields as {@code struct.field}), and the
     * sample rate and shaft speed its scalars state, with the variable each came from.
     */
    public record Contents(
            Map<String, double[]> vectors, double rpm, String rpmVariable, double sampleRate, String rateVariable) {}

    public static Contents contents(Path file) throws InputFormatException {
        String name = file.getFileName().toString();
        Map<String, double[]> vectors = new LinkedHashMap<>();
        Map<String, Double> scalars = new LinkedHashMap<>();
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            for (MatFile.Entry e : mat.getEntries()) {
                collect(name, e.getName(), e.getValue(), vectors, scalars, 0);
            }
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(name + ": not a readable MATLAB v5/v7 file (" + e.getMessage() + ")", e);
        }
        double rpm = Double.NaN;
        String rpmVariable = "";
        double rate = Double.NaN;
        String rateVariable = "";
        for (Map.Entry<String, Double> e : scalars.entrySet()) {
            String leaf = leaf(e.getKey());
            double v = e.getValue();
            if (!(v > 0 && Double.isFinite(v))) {
                continue;
            }
            if (Double.isNaN(rpm) && leaf.endsWith("rpm")) {
                rpm = v;
                rpmVariable = e.getKey();
            } else if (Double.isNaN(rpm) && SHAFT_HZ_NAMES.contains(leaf)) {
                rpm = v * 60;
                rpmVariable = e.getKey() + " (Hz)";
            } else if (Double.isNaN(rate) && SAMPLE_RATE_NAMES.contains(leaf)) {
                rate = v;
                rateVariable = e.getKey();
            }
        }
        return new Contents(vectors, rpm, rpmVariable, rate, rateVariable);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** Adds a variable's numeric vectors and scalars, looking into 1x1 structs (two levels deep). */
    private static void collect(
            String file, String path, Array a, Map<String, double[]> vectors, Map<String, Double> scalars, int depth)
            throws InputFormatException {
        if (a instanceof Struct st && st.getNumElements() == 1 && depth < 2) {
            for (String field : st.getFieldNames()) {
                collect(file, path + "." + field, st.get(field), vectors, scalars, depth + 1);
            }
            return;
        }
        if (!(a instanceof Matrix m)) {
            return;
        }
        int n = m.getNumElements();
        boolean vector = Math.min(m.getNumRows(), m.getNumCols()) == 1 && m.getNumDimensions() == 2;
        if (n == 1) {
            scalars.put(path, m.getDouble(0));
        } else if (vector && n > 1) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = m.getDouble(i);
                if (!Double.isFinite(v[i])) {
                    throw new InputFormatException(
                            file + ", variable " + path + ": element " + (i + 1) + " is " + v[i]);
                }
            }
            vectors.put(path, v);
        }
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
        Map<String, double[]> vectors = ofTheRecording(c);
        Map<Integer, Integer> lengths = new HashMap<>();
        vectors.values().forEach(v -> lengths.merge(v.length, 1, Integer::sum));
        int common = lengths.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        return vectors.entrySet().stream()
                .filter(e -> e.getValue().length == common)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The vectors of the recording a file's speed belongs to: where an RPM scalar is named {@code <P>RPM} and some
     * vectors start with {@code <P>_}, those (a public drive-end benchmark's healthy files hold a second recording's
     * {@code X098_DE_time} beside {@code X099_DE_time} and {@code X099RPM}); else all of them.
     */
    static Map<String, double[]> ofTheRecording(Contents c) {
        String v = c.rpmVariable();
        if (!v.toUpperCase(Locale.ROOT).endsWith("RPM") || v.length() <= 3) {
            return c.vectors();
        }
        String prefix = v.substring(0, v.length() - 3) + "_";
        Map<String, double[]> mine = new LinkedHashMap<>();
        c.vectors().forEach((name, x) -> {
            if (name.startsWith(prefix)) {
                mine.put(name, x);
            }
        });
        return mine.isEmpty() ? c.vectors() : mine;
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
        double rate = Double.NaN;
        for (SnapshotRef r : refs) {
            try {
                Contents c = contents(r.path());
                names = channels(c, r.name());
                rpm = c.rpm();
                rate = c.sampleRate();
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
                Double.isFinite(rate) ? new Sourced<>(rate, ValueSource.FORMAT) : Sourced.unknown(),
                new Sourced<>(first.rows(), ValueSource.DETECTED),
                Sourced.of(DirectoryEntries.medianInterval(refs), ValueSource.DETECTED),
                ch,
                ValueSource.DETECTED,
                Sourced.unknown(),
                Double.isFinite(rpm) && rpm > 0 ? new Sourced<>(rpm, ValueSource.FORMAT) : Sourced.unknown(),
                Sourced.unknown());
    }
}
