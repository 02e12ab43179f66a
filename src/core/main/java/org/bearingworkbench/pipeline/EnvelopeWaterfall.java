package org.bearingworkbench.pipeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.signal.DefectAnalysis;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.Spectrum;
import org.bearingworkbench.task.TaskContext;

/**
 * A waterfall (cascade) of envelope spectra over a run for one channel: files evenly spaced from the first to the
 * last (the last always included), each file's envelope spectrum in the settings' band, divided by its noise floor
 * (so a line's height reads as the defect indicators do: 1 = the floor) and cut at {@code maxHz}; with the bearing's
 * defect frequencies to draw as lines. A defect shows as a ridge growing at its frequency as the run goes on.
 *
 * @param frequency the spectra's frequencies (Hz), 0 to {@code maxHz}
 * @param lines     one per chosen file, in time order
 */
public record EnvelopeWaterfall(int channel, PhysicsSettings settings, double[] frequency, List<Line> lines) {
    /** One file's envelope spectrum relative to its noise floor. */
    public record Line(int row, LocalDateTime time, String file, double[] ratio) {}

    /** The frequency range that shows every defect type's first three harmonics: 3.3 x the highest, within Nyquist. */
    public static double defaultMaxHz(PhysicsSettings s) {
        double top = 0;
        for (DefectType t : DefectType.values()) {
            top = Math.max(top, s.geometry().frequency(t));
        }
        return Math.min(s.sampleRate() / 2, 3.3 * top);
    }

    /** The rows a waterfall of at most {@code lines} lines shows: evenly spaced, first and last included. */
    static int[] rows(int rowCount, int lines) {
        TreeSet<Integer> rows = new TreeSet<>();
        int k = Math.min(lines, rowCount);
        for (int i = 0; i < k; i++) {
            rows.add(k == 1 ? rowCount - 1 : (int) Math.round(i * (rowCount - 1) / (double) (k - 1)));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads up to {@code lines} files of {@code data} (raw snapshots) and computes channel {@code channel}'s (1-based)
     * envelope spectra with {@code settings}; cancellable, with progress.
     */
    public static EnvelopeWaterfall of(
            ImportResult data, int channel, PhysicsSettings settings, int lines, double maxHz, TaskContext context)
            throws InputFormatException {
        FeatureTable table = data.table();
        DataSource source = data.rawSource()
                .orElseThrow(() -> new InputFormatException(table.name()
                        + ": no raw files (loaded from a feature CSV): a waterfall needs the snapshot directory"));
        if (lines < 2) {
            throw new IllegalArgumentException("a waterfall needs at least 2 lines (got " + lines + ")");
        }
        if (!(maxHz > 0)) {
            throw new IllegalArgumentException("maximum frequency must be positive (got " + maxHz + ")");
        }
        int[] rows = rows(table.rowCount(), lines);
        SnapshotReader reader = new SnapshotReader();
        List<Line> out = new ArrayList<>();
        double[] frequency = null;
        for (int i = 0; i < rows.length; i++) {
            context.checkCancelled();
            int r = rows[i];
            SignalView v = source.read(table.file(r), table.timestamp(r), reader);
            if (channel < 1 || channel > v.channels()) {
                throw new InputFormatException(
                        table.file(r) + ": no channel " + channel + " (the file has " + v.channels() + ")");
            }
            double[] x = Arrays.copyOf(v.channel(channel - 1), v.rows());
            String problem = EnvelopeSpectrum.unusable(x, x.length, settings.sampleRate());
            if (problem != null) {
                continue;
            }
            Spectrum s = EnvelopeSpectrum.of(
                    x,
                    x.length,
                    settings.sampleRate(),
                    settings.bandLowHz(),
                    Math.min(settings.bandHighHz(), settings.sampleRate() / 2));
            int end = s.endAtOrBelow(maxHz);
            if (frequency == null) {
                frequency = Arrays.copyOf(s.frequency(), end);
            }
            double floor = DefectAnalysis.noiseFloor(s);
            double[] ratio = new double[frequency.length];
            for (int k = 0; k < ratio.length && k < end; k++) {
                ratio[k] = floor > 0 ? s.amplitude()[k] / floor : 0;
            }
            out.add(new Line(r, table.timestamp(r), table.file(r), ratio));
            context.progress(i + 1, rows.length, (i + 1) + "/" + rows.length + " envelope spectra");
        }
        if (out.isEmpty()) {
            throw new InputFormatException(
                    "ch" + channel + ": no file gives an envelope spectrum (flat or too short signals)");
        }
        return new EnvelopeWaterfall(channel, settings, frequency, List.copyOf(out));
    }

    /** The largest ratio over all lines (the scale of the plot). */
    public double peak() {
        double m = 0;
        for (Line l : lines) {
            for (double v : l.ratio()) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
