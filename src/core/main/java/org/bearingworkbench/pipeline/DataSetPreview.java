package org.bearingworkbench.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.DataSetSidecar;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.MatFormat;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;

/**
 * What opening a data source would give, before the import: how well each format recognises it, the chosen one, the
 * first snapshot's raw head (text lines, or a binary file's kind) and its signal, the description with the source of
 * each value, and what is still unknown. The window's Open data dialog and the {@code inspect} command show it.
 *
 * @param candidates each auto-detectable format's id and confidence (0-1), best first
 * @param rawHead    the first lines of the first snapshot file, printable
 * @param signal     the first snapshot's channels (up to 4,096 samples each), or null when it could not be read
 * @param problem    why the first snapshot could not be read or described, or null
 * @param missing    what physics still needs (sample rate, shaft speed, bearing)
 */
public record DataSetPreview(
        Path source,
        List<Candidate> candidates,
        String format,
        int snapshots,
        String firstFile,
        List<String> rawHead,
        double[][] signal,
        DataSetDescription description,
        String problem,
        List<String> missing,
        UserSettings remembered) {
    private static final int HEAD_LINES = 12;
    private static final int PLOT_SAMPLES = 4096;

    /** A format's confidence for the source. */
    public record Candidate(String id, String label, double confidence) {}

    /** Previews {@code source} with what the user said ({@code given}) over what was remembered for it. */
    public static DataSetPreview of(Path source, UserSettings given) {
        UserSettings remembered = Files.isDirectory(source) ? DataSetSidecar.load(source) : UserSettings.NONE;
        UserSettings settings = given.over(remembered);
        List<Candidate> candidates = new ArrayList<>();
        if (Files.isDirectory(source)) {
            for (SnapshotFormat f : Formats.all()) {
                candidates.add(new Candidate(f.id(), f.label(), f.recognise(source)));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
        }
        SnapshotFormat format;
        try {
            format = settings.format() != null || candidates.isEmpty()
                    ? Formats.choose(source, settings)
                    : Formats.best(candidates.get(0).id(), candidates.get(0).confidence());
        } catch (IllegalArgumentException e) {
            return new DataSetPreview(
                    source,
                    candidates,
                    settings.format(),
                    0,
                    null,
                    List.of(),
                    null,
                    null,
                    e.getMessage(),
                    List.of(),
                    remembered);
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<SnapshotRef> refs;
        try {
            refs = format.list(source, skipped);
        } catch (InputFormatException | IllegalArgumentException e) {
            return new DataSetPreview(
                    source,
                    candidates,
                    format.id(),
                    0,
                    null,
                    List.of(),
                    null,
                    null,
                    e.getMessage(),
                    List.of(),
                    remembered);
        }
        if (refs.isEmpty()) {
            return new DataSetPreview(
                    source,
                    candidates,
                    format.id(),
                    0,
                    null,
                    List.of(),
                    null,
                    null,
                    "no snapshot files of the " + format.label() + " layout"
                            + (skipped.isEmpty() ? "" : " (first other file: " + skipped.get(0) + ")"),
                    List.of(),
                    remembered);
        }
        SnapshotRef first = refs.get(0);
        List<String> head = head(first.path());
        try {
            SignalView v = format.read(first, new SnapshotReader());
            DataSetDescription d = settings.applyTo(format.describe(source, refs, v));
            return new DataSetPreview(
                    source,
                    candidates,
                    format.id(),
                    refs.size(),
                    first.name(),
                    head,
                    plot(v),
                    d,
                    null,
                    d.missingForPhysics(),
                    remembered);
        } catch (InputFormatException | RuntimeException e) {
            return new DataSetPreview(
                    source,
                    candidates,
                    format.id(),
                    refs.size(),
                    first.name(),
                    head,
                    null,
                    null,
                    e.getMessage(),
                    List.of(),
                    remembered);
        }
    }

    private static double[][] plot(SignalView v) {
        int n = Math.min(PLOT_SAMPLES, v.rows());
        double[][] out = new double[v.channels()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOf(v.channel(c), n);
        }
        return out;
    }

    /** The first lines of a file as text, or what kind of binary file it is. */
    static List<String> head(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mat")) {
            List<String> vars = new ArrayList<>(List.of("(MATLAB file; its variables:)"));
            vars.addAll(MatFormat.variables(file));
            return vars;
        }
        if (name.endsWith(".wav")) {
            return List.of(
                    "(binary " + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)
                            + " file; its channels are shown as a waveform)");
        }
        byte[] bytes;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            bytes = in.readNBytes(4096);
        } catch (IOException e) {
            return List.of("(cannot be read: " + e.getMessage() + ")");
        }
        List<String> lines = new ArrayList<>();
        for (String l : new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\n|\r")) {
            if (lines.size() >= HEAD_LINES) {
                break;
            }
            lines.add(NumberToken.printable(l));
        }
        return lines;
    }

    /** Whether the user should be asked before the import: no format recognised well, or physics values missing. */
    public boolean needsQuestions() {
        return problem != null
                || !missing.isEmpty()
                || (!candidates.isEmpty() && candidates.get(0).confidence() < 0.5 && remembered.format() == null);
    }
}
