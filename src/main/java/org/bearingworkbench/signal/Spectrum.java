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
        new DoubleFFT_1D(n).realForward(buf);
        int bins = n / 2 + 1;
        double[] f = new double[bins];
        double[] a = new double[bins];
        for (int k = 0; k < bins; k++) {
            double re;
            double im;
            if (k == 0) {
                re = buf[0];
                im = 0;
            } else if (k == n / 2 && n % 2 == 0) {
                re = buf[1];
                im = 0;
            } else {
                re = buf[2 * k];
                im = buf[2 * k + 1];
            }
            f[k] = k * sampleRate / n;
            a[k] = (k == 0 || (k == n / 2 && n % 2 == 0) ? 1 : 2) * Math.hypot(re, im) / gain;
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
