package org.bearingworkbench.pipeline.prognosis;

import java.util.List;
import org.bearingworkbench.features.FeatureTable;

/**
 * A health indicator from the best-ranked features: their first principal component on the training rows
 * (standardized by the training rows), signed to rise with wear, smoothed causally (moving average of
 * {@code smoothing} rows) so that every value uses only the past. 0 is the healthy level by construction (the
 * training mean), and the indicator grows as the features leave it together.
 */
public record HealthIndicator(List<String> columns, double[] loadings, double[] values, int smoothing) {

    /**
     * Rows with a sensor problem ({@code skip[r]}, e.g. a dead channel) carry the previous row's value: they say
     * nothing about the bearing. Null: none.
     */
    public static HealthIndicator of(FeatureTable t, List<String> columns, int trainRows, int smoothing, boolean[] skip) {
        int p = columns.size();
        int n = t.rowCount();
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double[] c = t.column(columns.get(j));
            double mean = 0;
            for (int r = 0; r < trainRows; r++) {
                mean += c[r] / trainRows;
            }
            double var = 0;
            for (int r = 0; r < trainRows; r++) {
                var += (c[r] - mean) * (c[r] - mean) / Math.max(1, trainRows - 1);
            }
            double sd = var > 0 ? Math.sqrt(var) : 1;
            for (int r = 0; r < n; r++) {
                z[r][j] = (c[r] - mean) / sd;
            }
        }
        double[] w = firstComponent(z, trainRows, p);
        double[] hi = new double[n];
        for (int r = 0; r < n; r++) {
            if (skip != null && skip[r] && r > 0) {
                hi[r] = hi[r - 1];
                continue;
            }
            for (int j = 0; j < p; j++) {
                hi[r] += w[j] * z[r][j];
            }
        }
        // signed to rise with wear: the later half of the run above the training level
        double late = 0;
        for (int r = n / 2; r < n; r++) {
            late += hi[r];
        }
        if (late < 0) {
            for (int j = 0; j < p; j++) {
                w[j] = -w[j];
            }
            for (int r = 0; r < n; r++) {
                hi[r] = -hi[r];
            }
        }
        return new HealthIndicator(List.copyOf(columns), w, FeatureRanking.smooth(hi, smoothing), smoothing);
    }

    /** The leading eigenvector of the training rows' correlation matrix, by power iteration. */
    private static double[] firstComponent(double[][] z, int trainRows, int p) {
        double[][] c = new double[p][p];
        for (int r = 0; r < trainRows; r++) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    c[i][j] += z[r][i] * z[r][j] / Math.max(1, trainRows - 1);
                }
            }
        }
        double[] v = new double[p];
        java.util.Arrays.fill(v, 1 / Math.sqrt(p));
        for (int it = 0; it < 500; it++) {
            double[] next = new double[p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    next[i] += c[i][j] * v[j];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return v;
            }
            for (int i = 0; i < p; i++) {
                next[i] /= norm;
            }
            v = next;
        }
        return v;
    }
}
