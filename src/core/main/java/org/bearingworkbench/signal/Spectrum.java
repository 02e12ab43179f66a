package org.bearingworkbench.signal;

import java.util.Arrays;

/**
 * One-sided amplitude spectrum of a real signal with a Hann window (JTransforms FFT): {@code amplitude[k]} at
 * {@code frequency[k]} Hz, scaled so that a sine of amplitude A shows as A (window gain corrected).
 */
public record Spectrum(double[] frequency, double[] amplitude) {

    public static Spectrum of(double[] x, int n, double sampleRate) {
        if (n < 2) {
            throw new IllegalArgumentException("a spectrum needs at least 2 samples (got " + n + ")");
        }
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive (got " + sampleRate + ")");
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        Fft.Window hann = Fft.hann(n);
        double[] w = hann.weights();
        double[] buf = new double[n];
        for (int i = 0; i < n; i++) {
            buf[i] = (x[i] - mean) * w[i];
        }
        // realForward packs bins 0..n/2 in place: re/im pairs, with Re(0) and (n even) Re(n/2) in the first two slots
        Fft.plan(n).realForward(buf);
        double gain = hann.sum();
        int bins = n / 2 + 1;
        double[] f = new double[bins];
        double[] a = new double[bins];
        for (int k = 0; k < bins; k++) {
            f[k] = k * sampleRate / n;
            double re;
            double im;
            if (k == 0) {
                re = buf[0];
                im = 0;
            } else if (2 * k == n) {
                re = buf[1];
                im = 0;
            } else if (n % 2 == 1 && k == n / 2) {
                re = buf[n - 1];
                im = buf[1];
            } else {
                re = buf[2 * k];
                im = buf[2 * k + 1];
            }
            boolean single = k == 0 || (n % 2 == 0 && k == n / 2);
            a[k] = (single ? 1 : 2) * Fft.magnitude(re, im) / gain;
        }
        return new Spectrum(f, a);
    }

    /**
     * The amplitude spectrum with a periodic Hann window, {@code 0.5 - 0.5 cos(2 pi i / n)}, computed from the raw
     * signal's real forward transform {@code r} (not modified) by the window's three-tap kernel in frequency,
     * {@code Y[k] = X[k]/2 - X[k-1]/4 - X[k+1]/4}, with the mean removed ({@code X[0] = 0}): no transform of its own.
     * Differs from {@link #of}'s symmetric window by O(1/n) (5e-5 at 20,480 points): for overviews such as the
     * run's spectrogram, not for measurements.
     */
    public static Spectrum ofTransformPeriodicHann(double[] r, int n, double sampleRate) {
        if (n < 4 || n % 2 == 1) {
            throw new IllegalArgumentException("an even length of at least 4 (got " + n + ")");
        }
        int half = n / 2;
        double[] re = new double[half + 2];
        double[] im = new double[half + 2];
        re[0] = 0; // the mean, removed
        for (int k = 1; k < half; k++) {
            re[k] = r[2 * k];
            im[k] = r[2 * k + 1];
        }
        re[half] = r[1];
        re[half + 1] = re[half - 1]; // X[n/2 + 1] = conj(X[n/2 - 1])
        im[half + 1] = -im[half - 1];
        double[] f = new double[half + 1];
        double[] a = new double[half + 1];
        double gain = n / 2.0;
        for (int k = 0; k <= half; k++) {
            double prevRe = k == 0 ? re[1] : re[k - 1]; // X[-1] = conj(X[1])
            double prevIm = k == 0 ? -im[1] : im[k - 1];
            double yr = 0.5 * re[k] - 0.25 * (prevRe + re[k + 1]);
            double yi = 0.5 * im[k] - 0.25 * (prevIm + im[k + 1]);
            f[k] = k * sampleRate / n;
            a[k] = (k == 0 || k == half ? 1 : 2) * Fft.magnitude(yr, yi) / gain;
        }
        return new Spectrum(f, a);
    }

    /** The first bin at or above {@code hz} (bins are evenly spaced from 0 Hz). */
    public int firstAtOrAbove(double hz) {
        int k = Arrays.binarySearch(frequency, hz);
        if (k >= 0) {
            while (k > 0 && frequency[k - 1] == hz) {
                k--;
            }
            return k;
        }
        return -k - 1;
    }

    /** One past the last bin at or below {@code hz}. */
    public int endAtOrBelow(double hz) {
        int k = Arrays.binarySearch(frequency, hz);
        if (k >= 0) {
            while (k < frequency.length - 1 && frequency[k + 1] == hz) {
                k++;
            }
            return k + 1;
        }
        return -k - 1;
    }

    /** Index of the largest amplitude at or above {@code minFrequency}. */
    public int peakIndex(double minFrequency) {
        int best = -1;
        for (int k = 0; k < frequency.length; k++) {
            if (frequency[k] >= minFrequency && (best < 0 || amplitude[k] > amplitude[best])) {
                best = k;
            }
        }
        return best;
    }
}
