package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/**
 * The fast spectrum, envelope and noise floor (reused plans and windows, one real forward transform, index ranges by
 * binary search) give the reference results within 1e-9 relative, for even and odd lengths, a power of two and the
 * IMS length (20,480 = 2^12 x 5), on noise and on a modulated carrier like an outer-race defect.
 */
class FastPhysicsTest {
    private static final int[] LENGTHS = {2048, 2049, 20480, 2559, 25600};

    private static double[] signal(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / 20000.0;
            x[i] = r.nextGaussian() * 0.1 + (1 + Math.cos(2 * Math.PI * 236.4 * t)) * Math.sin(2 * Math.PI * 4200 * t);
        }
        return x;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * scale, what + " at " + i);
        }
    }

    @Test
    void spectraMatchTheReference() {
        for (int n : LENGTHS) {
            double[] x = signal(n, n);
            Spectrum ref = ReferencePhysics.spectrum(x, n, 20000);
            Spectrum fast = Spectrum.of(x, n, 20000);
            assertClose(ref.frequency(), fast.frequency(), "frequency, n=" + n);
            assertClose(ref.amplitude(), fast.amplitude(), "amplitude, n=" + n);
            Spectrum again = Spectrum.of(x, n, 20000);
            assertClose(fast.amplitude(), again.amplitude(), "a reused plan, n=" + n);
        }
    }

    @Test
    void envelopesAndTheirSpectraMatchTheReference() {
        for (int n : LENGTHS) {
            double[] x = signal(n, 7 * n);
            assertClose(
                    ReferencePhysics.envelope(x, n, 20000, 2000, 8000),
                    EnvelopeSpectrum.envelope(x, n, 20000, 2000, 8000),
                    "envelope, n=" + n);
            assertClose(
                    ReferencePhysics.envelope(x, n, 20000, 0, 10000),
                    EnvelopeSpectrum.envelope(x, n, 20000, 0, 10000),
                    "full band envelope, n=" + n);
            Spectrum ref = ReferencePhysics.spectrum(ReferencePhysics.envelope(x, n, 20000, 2000, 8000), n, 20000);
            Spectrum fast = EnvelopeSpectrum.of(x, n, 20000, 2000, 8000);
            assertClose(ref.amplitude(), fast.amplitude(), "envelope spectrum, n=" + n);
            assertEquals(
                    ReferencePhysics.noiseFloor(ref),
                    DefectAnalysis.noiseFloor(fast),
                    1e-9 * ReferencePhysics.noiseFloor(ref));
        }
    }

    @Test
    void theSpectrogramsHannByKernelIsThePeriodicHannSpectrum() {
        for (int n : new int[] {2048, 20480, 25600}) {
            double[] x = signal(n, 3 * n);
            double mean = Arrays.stream(x).average().orElseThrow();
            double[] full = new double[2 * n];
            for (int i = 0; i < n; i++) {
                full[i] = (x[i] - mean) * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
            }
            new DoubleFFT_1D(n).realForwardFull(full);
            double[] expected = new double[n / 2 + 1];
            for (int k = 0; k <= n / 2; k++) {
                expected[k] = (k == 0 || k == n / 2 ? 1 : 2) * Math.hypot(full[2 * k], full[2 * k + 1]) / (n / 2.0);
            }
            double[] r = Arrays.copyOf(x, n);
            Fft.plan(n).realForward(r);
            Spectrum viaKernel = Spectrum.ofTransformPeriodicHann(r, n, 20000);
            assertClose(expected, viaKernel.amplitude(), "periodic Hann by kernel, n=" + n);
            // against the symmetric window of Spectrum.of: the same picture, O(1/n) apart
            double[] symmetric = Spectrum.of(x, n, 20000).amplitude();
            double peak = Arrays.stream(symmetric).max().orElseThrow();
            for (int k = 0; k < symmetric.length; k++) {
                assertEquals(symmetric[k], viaKernel.amplitude()[k], 20.0 / n * peak, "k=" + k);
            }
        }
    }

    @Test
    void magnitudesAreExactAtEveryScale() {
        for (double scale : new double[] {1e-300, 1e-160, 1e-3, 1, 1e3, 1e160, 1e300}) {
            double re = 3 * scale;
            double im = 4 * scale;
            assertEquals(5 * scale, Fft.magnitude(re, im), 1e-15 * 5 * scale, "scale " + scale);
        }
        assertEquals(0, Fft.magnitude(0, 0));
    }

    @Test
    void binRangesAreThoseOfALinearScan() {
        Spectrum s = Spectrum.of(signal(2048, 1), 2048, 20000);
        for (double lo : new double[] {0, 9.765625, 10, 229.3, 1000, 9999, 10000, 12000}) {
            int first = 0;
            while (first < s.frequency().length && s.frequency()[first] < lo) {
                first++;
            }
            assertEquals(first, s.firstAtOrAbove(lo), "first at or above " + lo);
            int end = s.frequency().length;
            while (end > 0 && s.frequency()[end - 1] > lo) {
                end--;
            }
            assertEquals(end, s.endAtOrBelow(lo), "end at or below " + lo);
        }
    }
}
