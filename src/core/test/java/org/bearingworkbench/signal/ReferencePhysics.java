package org.bearingworkbench.signal;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The straightforward implementations the fast ones must match (as they were before the physics pass was made
 * fast): a full complex FFT for the band-pass and analytic signal, {@code realForwardFull} for spectra, a new plan and
 * window per call.
 */
final class ReferencePhysics {
    private ReferencePhysics() {}

    static Spectrum spectrum(double[] x, int n, double sampleRate) {
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

    static double[] envelope(double[] x, int n, double fs, double lowHz, double highHz) {
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

    /** Median amplitude over 10-1000 Hz, by filtering and sorting every bin. */
    static double noiseFloor(Spectrum s) {
        return Arrays.stream(IntStream.range(0, s.frequency().length)
                        .filter(k -> s.frequency()[k] >= 10 && s.frequency()[k] <= 1000)
                        .toArray())
                .mapToDouble(k -> s.amplitude()[k])
                .sorted()
                .toArray()[
                0
                        + (int) IntStream.range(0, s.frequency().length)
                                        .filter(k -> s.frequency()[k] >= 10 && s.frequency()[k] <= 1000)
                                        .count()
                                / 2];
    }
}
