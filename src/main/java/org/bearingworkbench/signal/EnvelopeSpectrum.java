package org.bearingworkbench.signal;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Envelope analysis of one channel: band-pass (in the frequency domain), Hilbert envelope (analytic signal via
 * FFT), then the amplitude spectrum of the envelope. Bearing defects show as peaks at their defect frequencies.
 */
public final class EnvelopeSpectrum {
    private EnvelopeSpectrum() {
    }

    /** The envelope of {@code x[0..n)} band-limited to [lowHz, highHz]. */
    public static double[] envelope(double[] x, int n, double fs, double lowHz, double highHz) {
        if (!(lowHz >= 0 && highHz > lowHz && highHz <= fs / 2)) {
            throw new IllegalArgumentException("band " + lowHz + "-" + highHz + " Hz must lie inside 0-" + fs / 2 + " Hz");
        }
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = x[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.complexForward(c);
        int lo = (int) Math.ceil(lowHz * n / fs);
        int hi = (int) Math.floor(highHz * n / fs);
        for (int k = 0; k < n; k++) {
            boolean keep = k >= Math.max(1, lo) && k <= Math.min(hi, (n - 1) / 2);
            double gain = keep ? 2 : 0;
            c[2 * k] *= gain;
            c[2 * k + 1] *= gain;
        }
        fft.complexInverse(c, true);
        double[] env = new double[n];
        for (int i = 0; i < n; i++) {
            env[i] = Math.hypot(c[2 * i], c[2 * i + 1]);
        }
        return env;
    }

    /** Amplitude spectrum of the envelope in the band [lowHz, highHz]. */
    public static Spectrum of(double[] x, int n, double fs, double lowHz, double highHz) {
        return Spectrum.of(envelope(x, n, fs, lowHz, highHz), n, fs);
    }
}
