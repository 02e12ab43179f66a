package org.bearingworkbench.ui.threshold;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import java.util.Locale;
import org.bearingworkbench.detect.ThresholdMethod;

/** The score histogram's range and bars: what the Threshold pane draws the scores and the threshold over. */
final class ScoreHistogram {
    /** Bars across the range. */
    static final int BINS = 40;

    private ScoreHistogram() {}

    /**
     * The histogram's score range: three times the 99th percentile of the training scores (one training spike does
     * not squash the rest into one bar), and room to drag the threshold (1.5x it).
     */
    static double histogramRange(double[] train, double threshold) {
        double[] sorted = Arrays.stream(train).filter(Double::isFinite).sorted().toArray();
        double q99 = sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        double range = Math.max(3 * q99, 1.5 * threshold) * 1.05;
        return range > 0 ? range : 1;
    }

    /**
     * Fills {@code ds} with the histogram of {@code values} over [0, max); values beyond it are not drawn (never
     * piled into the last bar) but named in the legend: "name (N beyond the axis, up to V)".
     */
    static void fillHistogram(DoubleDataSet ds, String name, double[] values, double max) {
        double w = max / BINS;
        double[] x = new double[BINS];
        double[] y = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            x[b] = (b + 0.5) * w;
        }
        int beyond = 0;
        double largest = 0;
        for (double v : values) {
            if (v >= max) {
                beyond++;
                largest = Math.max(largest, v);
            } else if (v >= 0) {
                y[(int) (v / w)]++;
            }
        }
        ds.setName(
                beyond == 0
                        ? name
                        : String.format(
                                Locale.ROOT,
                                "%s (%d beyond the axis, up to %s)",
                                name,
                                beyond,
                                ThresholdMethod.fmt(largest)));
        ds.set(x, y);
    }
}
