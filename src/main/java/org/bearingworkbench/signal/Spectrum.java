package org.bearingworkbench.signal;

import org.jtransforms.fft.DoubleFFT_1D;

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
        double[] buf = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double gain = 0;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            buf[i] = (x[i] - mean) * w;
            gain += w;
        }
        double[] full = new double[2 * n];
        System.arraycopy(buf, 0, full, 0, n);
        new DoubleFFT_1D(n).realForwardFull(full);
        int bins = n / 2 + 1;
        double[] f = new double[bins];
        double[] a = new double[bins];
        for (int k = 0; k < bins; k++) {
            f[k] = k * sampleRate / n;
            boolean single = k == 0 || (n % 2 == 0 && k == n / 2);
            a[k] = (single ? 1 : 2) * Math.hypot(full[2 * k], full[2 * k + 1]) / gain;
        }
        return new Spectrum(f, a);
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
