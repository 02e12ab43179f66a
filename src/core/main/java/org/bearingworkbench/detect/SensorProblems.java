package org.bearingworkbench.detect;

import java.util.Arrays;
import java.util.Locale;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;

/**
 * Snapshots whose signal says more about the sensor or the logger than about the bearing: a channel with no signal
 * (flat, or its level below {@value #FLAT_SHARE} of that channel's median level over the run, as the last two files
 * of IMS test 2, whose RMS falls from ~0.1-0.5 g to ~0.002 g) or clipped (at least {@value #CLIP_SHARE} of its samples
 * at the snapshot's extreme values, where a live signal has about 2/n). Such rows get their own flag and reason, are
 * left out of training and threshold fitting, and are never counted as bearing anomalies.
 *
 * <p>The level is the channel's {@code rms} column, else its {@code mean_abs} (feature CSVs of the study); a table
 * with neither for a channel is not checked on it. Clipping needs the {@code clip} column (imported raw data).
 */
public record SensorProblems(boolean[] flags, String[] reasons, int count) {
    public static final double FLAT_SHARE = 0.05;
    public static final double CLIP_SHARE = 0.01;

    public static SensorProblems none(int rows) {
        return new SensorProblems(new boolean[rows], new String[rows], 0);
    }

    public static SensorProblems of(FeatureTable t) {
        int n = t.rowCount();
        boolean[] flags = new boolean[n];
        String[] reasons = new String[n];
        for (int ch : t.channels()) {
            flatOrClipped(t, ch, flags, reasons);
        }
        brokenValues(t, flags, reasons);
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        return new SensorProblems(flags, reasons, count);
    }

    /** Marks the rows where channel {@code ch} is flat (its level far below its median) or clipped. */
    private static void flatOrClipped(FeatureTable t, int ch, boolean[] flags, String[] reasons) {
        String levelColumn = t.hasColumn(Feature.RMS.column(ch))
                ? Feature.RMS.column(ch)
                : t.hasColumn(Feature.MEAN_ABS.column(ch)) ? Feature.MEAN_ABS.column(ch) : null;
        double[] level = levelColumn == null ? null : t.column(levelColumn);
        double[] clip = t.hasColumn(Feature.CLIP.column(ch)) ? t.column(Feature.CLIP.column(ch)) : null;
        double median = level == null ? Double.NaN : median(level);
        String levelKey = levelColumn == null ? null : levelColumn.substring(levelColumn.indexOf('_') + 1);
        for (int r = 0; r < flags.length; r++) {
            String why = reason(
                    ch, levelKey, level == null ? Double.NaN : level[r], median, clip == null ? Double.NaN : clip[r]);
            mark(flags, reasons, r, why);
        }
    }

    /**
     * Marks the rows with a value that is not a finite number (a 1e308 sample squared, a broken file): it cannot be
     * scored, a data problem set apart as a sensor problem is, never read as normal.
     */
    private static void brokenValues(FeatureTable t, boolean[] flags, String[] reasons) {
        for (String c : t.featureColumns()) {
            if (!c.matches("ch\\d+_.+")) {
                continue;
            }
            double[] v = t.column(c);
            for (int r = 0; r < flags.length; r++) {
                // a clip share is NaN where there was nothing to count: not a broken value
                if (!Double.isFinite(v[r]) && !(Double.isNaN(v[r]) && c.endsWith("_clip"))) {
                    mark(flags, reasons, r, c + " is " + v[r] + " (a broken value)");
                }
            }
        }
    }

    private static void mark(boolean[] flags, String[] reasons, int r, String why) {
        if (why != null) {
            flags[r] = true;
            reasons[r] = reasons[r] == null ? why : reasons[r] + "; " + why;
        }
    }

    /**
     * Why one channel of one snapshot is a sensor problem, or null: its level ({@code levelKey}, e.g. {@code rms})
     * below {@value #FLAT_SHARE} of {@code median} (the channel's median level), or its clip share at least
     * {@value #CLIP_SHARE}. NaN values are not checked. Shared by the batch rule and the live one (which uses the
     * median of the snapshots seen so far).
     */
    public static String reason(int ch, String levelKey, double level, double median, double clip) {
        if (levelKey != null && median > 0 && level < FLAT_SHARE * median) {
            return String.format(
                    Locale.ROOT,
                    "ch%d no signal (%s %.3g = %.1f%% of its median)",
                    ch,
                    levelKey,
                    level,
                    100 * level / median);
        }
        if (clip >= CLIP_SHARE) {
            return String.format(
                    Locale.ROOT, "ch%d clipped or stuck (%.1f%% of samples at its extremes)", ch, 100 * clip);
        }
        return null;
    }

    /** The median of the finite values of {@code v}, or NaN without any. */
    public static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return s.length == 0
                ? Double.NaN
                : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public boolean at(int row) {
        return flags[row];
    }

    /** Why row {@code row} is a sensor problem, or null. */
    public String reason(int row) {
        return reasons[row];
    }

    /** Sensor-problem rows among the first {@code rows}. */
    public int countBefore(int rows) {
        int c = 0;
        for (int r = 0; r < Math.min(rows, flags.length); r++) {
            c += flags[r] ? 1 : 0;
        }
        return c;
    }
}
