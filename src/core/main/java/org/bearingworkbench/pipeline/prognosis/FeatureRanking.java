package org.bearingworkbench.pipeline.prognosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bearingworkbench.features.FeatureTable;

/**
 * Ranks features as prognostic candidates over one run (after a causal moving average of {@code smoothing} rows):
 * <ul>
 * <li>monotonicity |#(x[k+1] > x[k]) - #(x[k+1] < x[k])| / (n - 1), as in Coble and Hines, "Identifying optimal
 *     prognostic parameters from data: a genetic algorithms approach", PHM Society 2009 (and MATLAB's
 *     {@code monotonicity});</li>
 * <li>trendability: |Pearson correlation with time| (for one run; across runs Coble and Hines take the smallest
 *     correlation between runs' trajectories);</li>
 * <li>prognosability exp(-std(final values) / mean|final - initial|) needs several runs to failure: for one run it is
 *     not defined and reported as NaN.</li>
 * </ul>
 * The fitness is their mean (over the defined ones); the table is sorted by it.
 */
public record FeatureRanking(List<Rank> ranks, int smoothing) {
    public record Rank(String column, double monotonicity, double trendability, double prognosability) {
        public double fitness() {
            return (monotonicity + trendability) / 2;
        }
    }

    public static FeatureRanking of(FeatureTable t, List<String> columns, int smoothing) {
        List<Rank> ranks = new ArrayList<>();
        for (String c : columns) {
            double[] x = smooth(t.column(c), smoothing);
            ranks.add(new Rank(c, monotonicity(x), trendability(x), Double.NaN));
        }
        ranks.sort(Comparator.comparingDouble(Rank::fitness).reversed());
        return new FeatureRanking(List.copyOf(ranks), smoothing);
    }

    static double monotonicity(double[] x) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[i - 1]) {
                up++;
            } else if (x[i] < x[i - 1]) {
                down++;
            }
        }
        return x.length < 2 ? 0 : Math.abs(up - down) / (double) (x.length - 1);
    }

    static double trendability(double[] x) {
        int n = x.length;
        double mt = (n - 1) / 2.0;
        double mx = 0;
        for (double v : x) {
            mx += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        double stt = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mt) * (x[i] - mx);
            sxx += (x[i] - mx) * (x[i] - mx);
            stt += (i - mt) * (i - mt);
        }
        return sxx > 0 && stt > 0 ? Math.abs(sxy / Math.sqrt(sxx * stt)) : 0;
    }

    /** Causal moving average: each value the mean of itself and up to {@code w - 1} before it. */
    static double[] smooth(double[] x, int w) {
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= w) {
                sum -= x[i - w];
            }
            out[i] = sum / Math.min(i + 1, w);
        }
        return out;
    }

    /** The best-ranked {@code k} columns. */
    public List<String> top(int k) {
        return ranks.stream().limit(k).map(Rank::column).toList();
    }
}
