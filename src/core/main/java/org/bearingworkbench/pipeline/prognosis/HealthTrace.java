package org.bearingworkbench.pipeline.prognosis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.bearingworkbench.features.FeatureTable;

/**
 * A run's health trace from one feature, built causally: at each row the feature (the largest over the channels) as a
 * median of the last {@code window} rows, divided by its median over the run's first {@code baselineRows} rows (or
 * the rows seen so far when there are fewer). A level of 1 is the bearing's own healthy state; 3 is three times it.
 * The value at a row depends only on that row and the rows before it, so a trace never looks ahead.
 *
 * @param feature the feature measure, e.g. {@code rms} (columns {@code chN_rms})
 * @param seconds per row, the run's age: seconds since its first snapshot plus one snapshot interval
 * @param raw per row, the feature's largest value over the channels
 * @param level per row, the smoothed feature over its healthy baseline
 */
public record HealthTrace(String feature, double[] seconds, double[] raw, double[] level) {

    /** The measures every channel of the table has ({@code rms} when there are {@code ch1_rms, ch2_rms}). */
    public static List<String> measures(FeatureTable t) {
        TreeSet<String> out = new TreeSet<>();
        for (String c : t.featureColumns()) {
            if (c.matches("ch1_[a-z0-9_]+") && !c.endsWith("_clip")) {
                String m = c.substring(4);
                if (t.channels().stream().allMatch(ch -> t.hasColumn("ch" + ch + "_" + m))) {
                    out.add(m);
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static HealthTrace of(FeatureTable t, String feature, int baselineRows, int window) {
        int n = t.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("the run has no rows");
        }
        double[] raw = new double[n];
        for (int r = 0; r < n; r++) {
            double v = Double.NaN;
            for (int ch : t.channels()) {
                String c = "ch" + ch + "_" + feature;
                if (!t.hasColumn(c)) {
                    throw new IllegalArgumentException("the run has no column " + c);
                }
                double x = t.column(c)[r];
                v = Double.isFinite(x) && !(v >= x) ? x : v;
            }
            raw[r] = v;
        }
        double[] level = new double[n];
        for (int r = 0; r < n; r++) {
            double base = median(raw, 0, Math.min(baselineRows, r + 1));
            double now = median(raw, Math.max(0, r + 1 - window), r + 1);
            level[r] = base > 0 && Double.isFinite(now) ? now / base : Double.NaN;
        }
        return new HealthTrace(feature, ages(t), raw, level);
    }

    /** Per row, seconds since the first snapshot plus the median interval (the first snapshot's own age). */
    static double[] ages(FeatureTable t) {
        int n = t.rowCount();
        double[] since = new double[n];
        for (int r = 0; r < n; r++) {
            since[r] = Duration.between(t.timestamp(0), t.timestamp(r)).toMillis() / 1000.0;
        }
        double[] gaps = new double[Math.max(0, n - 1)];
        for (int r = 1; r < n; r++) {
            gaps[r - 1] = since[r] - since[r - 1];
        }
        double step = gaps.length == 0 ? 1 : Math.max(median(gaps, 0, gaps.length), 1e-3);
        for (int r = 0; r < n; r++) {
            since[r] += step;
        }
        return since;
    }

    /** The median of the finite values in {@code v[from..to)}, NaN when there are none. */
    static double median(double[] v, int from, int to) {
        double[] w =
                Arrays.stream(v, from, to).filter(Double::isFinite).sorted().toArray();
        if (w.length == 0) {
            return Double.NaN;
        }
        return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
    }

    /** The healthy baseline at a row: the feature's median over the first rows seen by then. */
    public double baselineAt(int row, int baselineRows) {
        return median(raw, 0, Math.min(baselineRows, row + 1));
    }
}
