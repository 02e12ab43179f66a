package org.bearingworkbench.detect;

/**
 * When a healthy-baselined trend (a defect indicator, a feature) rises for good: the first row from which every
 * later row stays above {@code factor} x the largest value of the training rows, for at least {@link #MIN_ROWS} rows
 * (the last file or two of a run alone do not count).
 */
public final class TrendRise {
    public static final int MIN_ROWS = 3;

    private TrendRise() {}

    /** The row from which the trend stays above factor x its training maximum to the end, or -1. */
    public static int risesForGoodAt(double[] values, int trainRows, double factor) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < Math.min(trainRows, values.length); i++) {
            max = Math.max(max, values[i]);
        }
        double level = max * factor;
        int r = values.length - 1;
        while (r >= trainRows && values[r] > level) {
            r--;
        }
        return values.length - (r + 1) < MIN_ROWS ? -1 : r + 1;
    }
}
