package org.bearingworkbench.signal;

/**
 * Chooses the demodulation band for envelope analysis by spectral kurtosis: the band (from a dyadic grid, as in a
 * fast kurtogram) whose envelope is most impulsive, i.e. has the largest kurtosis of its squared envelope.
 */
public final class SpectralKurtosis {
    /** A band and the kurtosis of its envelope. */
    public record Band(double lowHz, double highHz, double kurtosis) {}

    private SpectralKurtosis() {}

    /** Best band over levels 1..4 (bandwidths fs/4 .. fs/32), ignoring content below {@code minHz}. */
    public static Band best(double[] x, int n, double fs, double minHz) {
        Band best = null;
        for (int level = 2; level <= 5; level++) {
            double width = fs / 2 / (1 << (level - 1));
            for (double lo = 0; lo + width <= fs / 2 + 1e-9; lo += width / 2) {
                double l = Math.max(lo, minHz);
                double h = Math.min(lo + width, fs / 2);
                if (h - l < width / 2) {
                    continue;
                }
                double k = kurtosis(EnvelopeSpectrum.envelope(x, n, fs, l, h));
                if (best == null || k > best.kurtosis()) {
                    best = new Band(l, h, k);
                }
            }
        }
        return best;
    }

    /** Kurtosis of the squared envelope, minus 2 (0 for a Gaussian band, large for impulsive content). */
    static double kurtosis(double[] env) {
        double m2 = 0;
        double m4 = 0;
        for (double e : env) {
            double p = e * e;
            m2 += p;
            m4 += p * p;
        }
        m2 /= env.length;
        m4 /= env.length;
        return m2 > 0 ? m4 / (m2 * m2) - 2 : 0;
    }
}
