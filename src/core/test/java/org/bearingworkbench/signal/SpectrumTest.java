package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumTest {
    @Test
    void sineShowsAtItsFrequencyWithItsAmplitude() {
        int n = 20480;
        double fs = 20000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.8 * Math.sin(2 * Math.PI * 1000 * i / fs);
        }
        Spectrum s = Spectrum.of(x, n, fs);
        int k = s.peakIndex(1);
        assertEquals(1000, s.frequency()[k], fs / n);
        assertEquals(0.8, s.amplitude()[k], 0.05);
        assertEquals(n / 2 + 1, s.frequency().length);
        assertEquals(fs / 2, s.frequency()[n / 2], 1e-9);
    }

    @Test
    void theSyntheticDefectRingsItsResonanceInThePlainSpectrumOfTheLastFile() {
        SyntheticRun run = SyntheticRun.sample();
        double[][] last = run.snapshot(run.files() - 1);
        Spectrum s = Spectrum.of(last[0], run.rows(), run.sampleRate());
        int k = s.peakIndex(1000);
        assertEquals(SyntheticRun.RESONANCE_HZ, s.frequency()[k], 60, "the peak above 1 kHz is the resonance");
        double around = bandEnergy(s, SyntheticRun.RESONANCE_HZ - 500, SyntheticRun.RESONANCE_HZ + 500);
        double elsewhere = bandEnergy(s, 6500, 7500);
        assertTrue(around > 20 * elsewhere, around + " vs " + elsewhere);
        // the first file (healthy) has no such ring
        Spectrum first = Spectrum.of(run.snapshot(0)[0], run.rows(), run.sampleRate());
        double healthy = bandEnergy(first, SyntheticRun.RESONANCE_HZ - 500, SyntheticRun.RESONANCE_HZ + 500);
        assertTrue(around > 20 * healthy, around + " vs healthy " + healthy);
    }

    private static double bandEnergy(Spectrum s, double lo, double hi) {
        double e = 0;
        for (int k = s.firstAtOrAbove(lo); k < s.endAtOrBelow(hi); k++) {
            e += s.amplitude()[k] * s.amplitude()[k];
        }
        return e;
    }

    @Test
    void oddLengthsWork() {
        int n = 447;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * 50 * i / 1000.0);
        }
        Spectrum s = Spectrum.of(x, n, 1000);
        assertEquals(224, s.frequency().length);
        assertEquals(50, s.frequency()[s.peakIndex(1)], 1000.0 / n);
    }

    @Test
    void rejectsTooShortSignal() {
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new double[1], 1, 100));
    }
}
