package org.bearingworkbench.features;

/**
 * Computes the {@link Feature}s of one channel's samples in double precision: two passes (mean, then central
 * moments), so skewness and kurtosis do not suffer from cancellation.
 */
public final class ChannelStatistics {
    private ChannelStatistics() {
    }

    /** Writes the features of {@code x[0..n)} into {@code out[offset..offset+Feature.values().length)}. */
    public static void compute(double[] x, int n, double[] out, int offset) {
        double sum = 0;
        double sumAbs = 0;
        double sumSq = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            sum += v;
            sumAbs += Math.abs(v);
            sumSq += v * v;
            if (v > max) {
                max = v;
            }
            if (v < min) {
                min = v;
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double rms = Math.sqrt(sumSq / n);
        double peak = Math.max(Math.abs(max), Math.abs(min));
        out[offset + Feature.MEAN_ABS.ordinal()] = sumAbs / n;
        out[offset + Feature.RMS.ordinal()] = rms;
        out[offset + Feature.STD.ordinal()] = Math.sqrt(m2);
        out[offset + Feature.PEAK.ordinal()] = peak;
        out[offset + Feature.P2P.ordinal()] = max - min;
        out[offset + Feature.CREST.ordinal()] = rms == 0 ? 0 : peak / rms;
        out[offset + Feature.SKEWNESS.ordinal()] = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        out[offset + Feature.KURTOSIS.ordinal()] = m2 == 0 ? 0 : m4 / (m2 * m2);
    }
}
