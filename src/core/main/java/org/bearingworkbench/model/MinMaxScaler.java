package org.bearingworkbench.model;

/**
 * Min-max scaling to [0, 1] per column, fitted on training rows only (as the study's scikit-learn scaler).
 * A constant column gets range 1, so it scales to 0 instead of dividing by zero.
 */
public record MinMaxScaler(double[] min, double[] max) {
    public MinMaxScaler {
        if (min.length != max.length) {
            throw new IllegalArgumentException("scaler: " + min.length + " minima but " + max.length + " maxima");
        }
        min = min.clone();
        max = max.clone();
        for (int c = 0; c < min.length; c++) {
            if (!Double.isFinite(min[c]) || !Double.isFinite(max[c])) {
                throw new IllegalArgumentException(
                        "scaler: feature " + c + " has a non-finite bound (" + min[c] + " .. " + max[c] + ")");
            }
            if (max[c] < min[c]) {
                throw new IllegalArgumentException(
                        "scaler: feature " + c + " has its maximum " + max[c] + " below its minimum " + min[c]);
            }
            if (!Double.isFinite(max[c] - min[c])) {
                throw new IllegalArgumentException("scaler: feature " + c + " spans " + min[c] + " .. " + max[c]
                        + ", a range beyond the double range; rescale that column");
            }
        }
    }

    /** Fits on rows {@code [0, rows)} of each column. */
    public static MinMaxScaler fit(double[][] columns, int rows) {
        double[] min = new double[columns.length];
        double[] max = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                lo = Math.min(lo, columns[c][r]);
                hi = Math.max(hi, columns[c][r]);
            }
            min[c] = lo;
            max[c] = hi;
        }
        return new MinMaxScaler(min, max);
    }

    public int size() {
        return min.length;
    }

    public double range(int c) {
        double r = max[c] - min[c];
        return r > 0 ? r : 1;
    }

    public double scale(int c, double value) {
        return (value - min[c]) / range(c);
    }

    /** Scales whole columns: {@code out[c][r]}. */
    public double[][] transform(double[][] columns) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = new double[columns[c].length];
            for (int r = 0; r < columns[c].length; r++) {
                out[c][r] = scale(c, columns[c][r]);
            }
        }
        return out;
    }
}
