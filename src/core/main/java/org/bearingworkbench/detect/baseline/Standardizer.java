package org.bearingworkbench.detect.baseline;

import java.util.Arrays;

/**
 * Centres and scales features by the training rows' mean and standard deviation (a constant feature keeps scale 1,
 * so it neither divides by zero nor counts), and min-max scales them by the training range for the departure the
 * attribution reports.
 */
public record Standardizer(double[] mean, double[] sd, double[] min, double[] max) {
    public static Standardizer fit(double[][] train) {
        int n = train.length;
        int p = train[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        double[] min = new double[p];
        double[] max = new double[p];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / Math.max(1, n - 1);
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        }
        return new Standardizer(mean, sd, min, max);
    }

    public double[] z(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / sd[j];
        }
        return z;
    }

    public double[][] z(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = z(rows[r]);
        }
        return out;
    }

    double[] scaled(double[] row) {
        double[] s = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double range = max[j] - min[j];
            s[j] = range > 0 ? (row[j] - min[j]) / range : 0.5;
        }
        return s;
    }
}
