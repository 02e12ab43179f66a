package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
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
            assertClose(ReferencePhysics.envelope(x, n, 20000, 2000, 8000), EnvelopeSpectrum.envelope(x, n, 20000, 2000, 8000),
                    "envelope, n=" + n);
            assertClose(ReferencePhysics.envelope(x, n, 20000, 0, 10000), EnvelopeSpectrum.envelope(x, n, 20000, 0, 10000),
                    "full band envelope, n=" + n);
            Spectrum ref = ReferencePhysics.spectrum(ReferencePhysics.envelope(x, n, 20000, 2000, 8000), n, 20000);
            Spectrum fast = EnvelopeSpectrum.of(x, n, 20000, 2000, 8000);
            assertClose(ref.amplitude(), fast.amplitude(), "envelope spectrum, n=" + n);
            assertEquals(ReferencePhysics.noiseFloor(ref), DefectAnalysis.noiseFloor(fast), 1e-9 * ReferencePhysics.noiseFloor(ref));
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
