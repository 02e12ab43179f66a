package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KurtogramTest {
    private static final double FS = 20480;
    private static final int N = 20480;

    /**
     * Gaussian noise plus, when {@code impacts}, a 4.3 kHz resonance struck 80 times a second (an outer-race
     * defect).
     */
    static double[] signal(boolean impacts, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rnd.nextGaussian();
        }
        if (impacts) {
            for (double t0 = 0.003; t0 < 1; t0 += 1 / 80.0) {
                int start = (int) (t0 * FS);
                for (int i = start; i < Math.min(N, start + 300); i++) {
                    double t = (i - start) / FS;
                    x[i] += 8 * Math.exp(-t * 1500) * Math.sin(2 * Math.PI * 4300 * t);
                }
            }
        }
        return x;
    }

    @Test
    void levelsFollowTheOneThirdBinaryTree() {
        Kurtogram k = Kurtogram.of(signal(false, 1), N, FS, 3);
        assertArrayEquals(
                new double[] {0, 1, 1.585, 2, 2.585, 3},
                k.levels().stream().mapToDouble(Kurtogram.Level::level).toArray(),
                1e-3);
        assertArrayEquals(
                new int[] {1, 2, 3, 4, 6, 8},
                k.levels().stream().mapToInt(l -> l.kurtosis().length).toArray());
        assertEquals(FS / 2 / 6, k.levels().get(4).bandwidthHz(), 1e-9);
        assertEquals(7, Kurtogram.maxLevel(20480));
        assertEquals(5, Kurtogram.maxLevel(2560));
    }

    @Test
    void findsTheBandOfTheImpactsAndStaysNearZeroOnNoise() {
        Kurtogram noise = Kurtogram.of(signal(false, 2), N, FS);
        Kurtogram fault = Kurtogram.of(signal(true, 2), N, FS);
        Kurtogram.Band b = fault.best();
        assertTrue(b.lowHz() <= 4300 && 4300 <= b.highHz(), b.toString());
        assertTrue(b.kurtosis() > 4, b.toString());
        assertTrue(noise.best().kurtosis() < 1.5, noise.best().toString());
        // the whole band (level 0) dilutes the impacts with the noise of every other frequency
        assertTrue(fault.levels().get(0).kurtosis()[0] < b.kurtosis() / 1.5);
    }

    @Test
    void bandValueEqualsTheFullRateEnvelopeKurtosis() {
        double[] x = signal(true, 3);
        double[] r = x.clone();
        Fft.plan(N).realForward(r);
        for (double[] band : new double[][] {{3840, 5120}, {2560, 5120}, {0, 10240}, {4266.67, 5120}}) {
            double decimated = Kurtogram.bandKurtosis(r, N, FS, band[0], band[1]);
            double full = SpectralKurtosis.kurtosis(EnvelopeSpectrum.envelope(x, N, FS, band[0], band[1] - FS / N));
            assertEquals(full, decimated, 1e-9 * Math.abs(full) + 1e-12, band[0] + "-" + band[1] + " Hz");
        }
    }

    @Test
    void refusesSignalsTooShortAndLevelsTooDeep() {
        assertThrows(IllegalArgumentException.class, () -> Kurtogram.of(new double[64], 64, FS, 0));
        assertThrows(IllegalArgumentException.class, () -> Kurtogram.of(new double[N], N, FS, 9));
    }
}
