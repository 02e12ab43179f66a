package org.bearingworkbench.pipeline.prognosis;

import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.detect.baseline.Matrices;
import org.bearingworkbench.detect.baseline.Standardizer;
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
    public static HealthIndicator of(
            FeatureTable t, List<String> columns, int trainRows, int smoothing, boolean[] skip) {
        int p = columns.size();
        int n = t.rowCount();
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            double[] c = t.column(columns.get(j));
            for (int r = 0; r < n; r++) {
                x[r][j] = c[r];
            }
        }
        // standardized by the training rows; the loadings are the leading eigenvector of their covariance
        Standardizer st = Standardizer.fit(Arrays.copyOf(x, trainRows));
        double[][] z = st.z(x);
        Matrices.Eigen e = Matrices.symmetricEigen(Matrices.covariance(Arrays.copyOf(z, trainRows), null));
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = e.vectors()[j][0];
        }
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
}
