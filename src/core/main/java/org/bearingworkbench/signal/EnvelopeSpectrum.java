package org.bearingworkbench.signal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Envelope analysis of one channel: band-pass (in the frequency domain), Hilbert envelope (analytic signal via
 * FFT), then the amplitude spectrum of the envelope. Bearing defects show as peaks at their defect frequencies.
 */
public final class EnvelopeSpectrum {
    private EnvelopeSpectrum() {}

    /** The coarsest envelope-spectrum resolution (Hz per bin) that still resolves the noise floor and FTF. */
    public static final double MAX_RESOLUTION_HZ = 10;

    /**
     * Why {@code x[0..n)} cannot give a meaningful envelope spectrum, or null when it can: too short for a
     * resolution of {@value #MAX_RESOLUTION_HZ} Hz, or flat (no vibration: a dead or disconnected sensor).
     */
    public static String unusable(double[] x, int n, double fs) {
        int needed = (int) Math.ceil(fs / MAX_RESOLUTION_HZ);
        if (n < needed) {
            return String.format(
                    Locale.ROOT,
                    "only %d samples (%.1f ms at %.0f Hz): an envelope spectrum "
                            + "needs at least %d (%.0f Hz resolution or finer)",
                    n,
                    n * 1000 / fs,
                    fs,
                    needed,
                    MAX_RESOLUTION_HZ);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        if (!(max > min)) {
            return "the signal is flat (every sample is " + min + "): no vibration to analyse (a dead or disconnected "
                    + "sensor?)";
        }
        return null;
    }

    /** The envelope of {@code x[0..n)} band-limited to [lowHz, highHz]. */
    public static double[] envelope(double[] x, int n, double fs, double lowHz, double highHz) {
        double[] r = Arrays.copyOf(x, n);
        Fft.plan(n).realForward(r);
        return envelopeOfTransform(r, n, fs, lowHz, highHz);
    }

    /**
     * The envelope from the signal's real forward transform {@code r} (JTransforms {@code realForward} layout; not
     * modified): the analytic signal of the band is the inverse transform of 2 X[k] for the band's positive-frequency
     * bins (DC and Nyquist excluded), zero elsewhere; the envelope is its magnitude.
     */
    public static double[] envelopeOfTransform(double[] r, int n, double fs, double lowHz, double highHz) {
        if (!(lowHz >= 0 && highHz > lowHz && highHz <= fs / 2)) {
            throw new IllegalArgumentException(
                    "band " + lowHz + "-" + highHz + " Hz must lie inside 0-" + fs / 2 + " Hz");
        }
        int lo = Math.max(1, (int) Math.ceil(lowHz * n / fs));
        int hi = Math.min((int) Math.floor(highHz * n / fs), (n - 1) / 2);
        double[] c = new double[2 * n];
        for (int k = lo; k <= hi; k++) {
            boolean packedLast = n % 2 == 1 && k == n / 2;
            c[2 * k] = 2 * (packedLast ? r[n - 1] : r[2 * k]);
            c[2 * k + 1] = 2 * (packedLast ? r[1] : r[2 * k + 1]);
        }
        Fft.plan(n).complexInverse(c, true);
        double[] env = new double[n];
        for (int i = 0; i < n; i++) {
            env[i] = Fft.magnitude(c[2 * i], c[2 * i + 1]);
        }
        return env;
    }

    /** Amplitude spectrum of the envelope in the band [lowHz, highHz]. */
    public static Spectrum of(double[] x, int n, double fs, double lowHz, double highHz) {
        return Spectrum.of(envelope(x, n, fs, lowHz, highHz), n, fs);
    }
}
