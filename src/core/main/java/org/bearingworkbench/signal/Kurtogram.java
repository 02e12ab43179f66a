package org.bearingworkbench.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kurtogram of one signal: the spectral kurtosis of its complex envelope in every band of Antoni's 1/3-binary
 * tree (J. Antoni, "Fast computation of the kurtogram for the detection of transient faults", Mechanical Systems and
 * Signal Processing 21, 2007): level {@code k} splits 0..fs/2 into {@code 2^k} bands of width {@code fs / 2^(k+1)},
 * the level between {@code k} and {@code k+1} (numbered {@code k + log2 3 - 1}: 1.6, 2.6, ...) into
 * {@code 3 * 2^(k-1)} bands of a third of level {@code k-1}'s width. Where the fast kurtogram obtains each band with a
 * tree of quasi-analytic FIR filters and decimation, each band here is cut from one FFT of the whole signal with an
 * ideal filter and brought to base band by a short inverse FFT of its bins: the same grid, exact band edges, and a
 * few milliseconds for a 20,480-sample snapshot. The spectral kurtosis of a band is
 * {@code E|c|^4 / (E|c|^2)^2 - 2} of its complex envelope {@code c}: about 0 for Gaussian noise, large where
 * repetitive impacts (a defect) excite a resonance; the band with the largest value is the one to demodulate.
 */
public record Kurtogram(double sampleRate, int samples, List<Level> levels, Band best) {
    /** Fewest FFT bins a band may have (its envelope would be too short for a kurtosis below this). */
    static final int MIN_BINS = 32;

    /** One row of the kurtogram: the bands of one width, low to high frequency. */
    public record Level(double level, double bandwidthHz, double[] kurtosis) {
        public double lowHz(int band) {
            return band * bandwidthHz;
        }
    }

    /** One cell: a level, its band edges and the band's spectral kurtosis. */
    public record Band(double level, double lowHz, double highHz, double kurtosis) {
        public double centerHz() {
            return (lowHz + highHz) / 2;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "level %.1f, %.0f-%.0f Hz (centre %.0f Hz, width %.0f Hz): spectral " + "kurtosis %.2f",
                    level,
                    lowHz,
                    highHz,
                    centerHz(),
                    highHz - lowHz,
                    kurtosis);
        }
    }

    /**
     * The deepest level a signal of {@code n} samples supports (at least {@value #MIN_BINS} bins per band), at most
     * 7.
     */
    public static int maxLevel(int n) {
        int level = 0;
        while (level < 7 && (n / 2) >> (level + 1) >= MIN_BINS) {
            level++;
        }
        return level;
    }

    /** The kurtogram of {@code x[0..n)} sampled at {@code fs}, levels 0 to {@code maxLevel} (with the 1/3 levels). */
    public static Kurtogram of(double[] x, int n, double fs, int maxLevel) {
        if (n < 4 * MIN_BINS) {
            throw new IllegalArgumentException(
                    "a kurtogram needs at least " + 4 * MIN_BINS + " samples (got " + n + ")");
        }
        if (maxLevel < 0 || maxLevel > maxLevel(n)) {
            throw new IllegalArgumentException(
                    "level: 0 to " + maxLevel(n) + " for " + n + " samples (got " + maxLevel + ")");
        }
        double[] r = Arrays.copyOf(x, n);
        Fft.plan(n).realForward(r);
        List<Level> levels = new ArrayList<>();
        Band best = null;
        for (int k = 0; k <= maxLevel; k++) {
            for (int third = 0; third <= (k == 0 || k == maxLevel ? 0 : 1); third++) {
                int bands = third == 0 ? 1 << k : 3 << (k - 1);
                double level = third == 0 ? k : k + Math.log(3) / Math.log(2) - 1;
                double width = fs / 2 / bands;
                double[] sk = new double[bands];
                for (int b = 0; b < bands; b++) {
                    sk[b] = bandKurtosis(r, n, fs, b * width, (b + 1) * width);
                    if (best == null || sk[b] > best.kurtosis()) {
                        best = new Band(level, b * width, (b + 1) * width, sk[b]);
                    }
                }
                levels.add(new Level(level, width, sk));
            }
        }
        return new Kurtogram(fs, n, List.copyOf(levels), best);
    }

    /** {@link #of} to the deepest level the signal supports. */
    public static Kurtogram of(double[] x, int n, double fs) {
        return of(x, n, fs, maxLevel(n));
    }

    /**
     * Spectral kurtosis of the band [lowHz, highHz) from the real forward transform {@code r}: its positive-frequency
     * bins (DC and Nyquist left out) shifted to base band, inverse-transformed at a power-of-two length of at least
     * twice
     * the bins (the complex envelope, decimated without changing its moments), then {@code E|c|^4 / (E|c|^2)^2 - 2}.
     */
    public static double bandKurtosis(double[] r, int n, double fs, double lowHz, double highHz) {
        int lo = Math.max(1, (int) Math.ceil(lowHz * n / fs));
        int hi = Math.min((int) Math.ceil(highHz * n / fs) - 1, (n - 1) / 2);
        if (hi < lo) {
            return 0;
        }
        int bins = hi - lo + 1;
        // |c|^4 holds frequencies up to 2 (bins - 1): at 2 bins samples or more its mean is exact, equal to the
        // full-rate envelope's
        int m = Integer.highestOneBit(2 * bins - 1) << 1;
        double[] c = new double[2 * m];
        for (int k = lo; k <= hi; k++) {
            boolean packedLast = n % 2 == 1 && k == n / 2;
            c[2 * (k - lo)] = packedLast ? r[n - 1] : r[2 * k];
            c[2 * (k - lo) + 1] = packedLast ? r[1] : r[2 * k + 1];
        }
        Fft.plan(c.length / 2).complexInverse(c, false);
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < c.length; i += 2) {
            double p = c[i] * c[i] + c[i + 1] * c[i + 1];
            m2 += p;
            m4 += p * p;
        }
        int len = c.length / 2;
        m2 /= len;
        m4 /= len;
        return m2 > 0 ? m4 / (m2 * m2) - 2 : 0;
    }
}
