package org.bearingworkbench.features;

/**
 * Computes the {@link Feature}s of one channel's samples in double precision: two passes (mean, then central
 * moments), so skewness and kurtosis do not suffer from cancellation.
 *
 * <p>Finite samples give finite features wherever the result itself fits a double: when a sum or a moment would
 * overflow (samples beyond ~1e77 for the fourth moment) or underflow (below ~1e-77), the samples are rescaled by a
 * power of two (exact) and the scale put back afterwards. Only a peak-to-peak beyond the double range (samples of
 * both signs near 1.8e308) stays infinite; {@link #firstNonFinite} names it so the snapshot can be flagged.
 */
public final class ChannelStatistics {
    private static final double SMALL = 0x1p-250;

    private ChannelStatistics() {}

    /** Writes the features of {@code x[0..n)} into {@code out[offset..offset+Feature.values().length)}. */
    public static void compute(double[] x, int n, double[] out, int offset) {
        if (!computeScaled(x, n, 1.0, out, offset)) {
            double peak = 0;
            for (int i = 0; i < n; i++) {
                peak = Math.max(peak, Math.abs(x[i]));
            }
            double scale = Math.scalb(1.0, -Math.getExponent(peak));
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i] * scale;
            }
            computeScaled(y, n, scale, out, offset);
        }
    }

    /** The first feature of {@code out[offset..]} that is not finite, or null. */
    public static Feature firstNonFinite(double[] out, int offset) {
        for (Feature f : Feature.values()) {
            if (!Double.isFinite(out[offset + f.ordinal()])) {
                return f;
            }
        }
        return null;
    }

    /**
     * Features of {@code x}, which is the channel's samples times {@code scale}; the scale is divided back out.
     * Returns false (without a usable result) when scale is 1 and a moment overflowed or lost its precision to
     * underflow. The loops read {@code x} as is, so the common case runs as fast as plain sums.
     */
    private static boolean computeScaled(double[] x, int n, double scale, double[] out, int offset) {
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
        int atRails = 0;
        for (int i = 0; i < n; i++) {
            atRails += x[i] == max || x[i] == min ? 1 : 0;
            double d = x[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double peak = Math.max(Math.abs(max), Math.abs(min));
        boolean overflow = !Double.isFinite(sumSq)
                || !Double.isFinite(sum)
                || !Double.isFinite(m4)
                || !Double.isFinite(m3)
                || !Double.isFinite(m2);
        boolean underflow = peak > 0 && peak < SMALL;
        if (scale == 1.0 && (overflow || underflow)) {
            return false;
        }
        double rms = Math.sqrt(sumSq / n);
        out[offset + Feature.MEAN_ABS.ordinal()] = sumAbs / n / scale;
        out[offset + Feature.RMS.ordinal()] = rms / scale;
        out[offset + Feature.STD.ordinal()] = Math.sqrt(m2) / scale;
        out[offset + Feature.PEAK.ordinal()] = peak / scale;
        out[offset + Feature.P2P.ordinal()] = (max - min) / scale;
        out[offset + Feature.CREST.ordinal()] = rms == 0 ? 0 : peak / rms;
        out[offset + Feature.SKEWNESS.ordinal()] = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        out[offset + Feature.KURTOSIS.ordinal()] = m2 == 0 ? 0 : m4 / (m2 * m2);
        out[offset + Feature.CLIP.ordinal()] = n == 0 ? 0 : (double) atRails / n;
        return true;
    }
}
