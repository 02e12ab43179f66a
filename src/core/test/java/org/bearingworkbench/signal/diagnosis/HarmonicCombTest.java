package org.bearingworkbench.signal.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bearingworkbench.signal.Spectrum;
import org.junit.jupiter.api.Test;

/** The comb's arithmetic on spectra made by hand: where a peak lies between bins, which lines a defect predicts. */
class HarmonicCombTest {
    private static final double DF = 0.5;

    /** A spectrum of {@code n} bins {@code DF} apart: zero, but a parabola of height 100 topped at bin {@code top}. */
    private static Spectrum parabola(int n, double top) {
        double[] f = new double[n];
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = k * DF;
            a[k] = Math.max(0, 100 - 4 * (k - top) * (k - top));
        }
        return new Spectrum(f, a);
    }

    private static HarmonicComb comb(Spectrum s, double shaftHz, double cageHz) {
        return new HarmonicComb(s, shaftHz, cageHz, HarmonicComb.Mask.NONE, false);
    }

    @Test
    void aPeakBetweenBinsIsFoundAtItsVertex() {
        HarmonicComb c = comb(parabola(40, 10.3), 20, 4);
        assertEquals(10.3 * DF, c.interpolatedPeak(10), 1e-12);
        HarmonicComb left = comb(parabola(40, 9.8), 20, 4);
        assertEquals(9.8 * DF, left.interpolatedPeak(10), 1e-12);
    }

    @Test
    void noPeakIsNaNAndAFlatTopIsItsBin() {
        HarmonicComb c = comb(parabola(40, 10.3), 20, 4);
        assertTrue(Double.isNaN(c.interpolatedPeak(0)), "no bin below the first");
        assertTrue(Double.isNaN(c.interpolatedPeak(39)), "no bin above the last");
        assertTrue(Double.isNaN(c.interpolatedPeak(9)), "rising: not a maximum");
        assertTrue(Double.isNaN(c.interpolatedPeak(11)), "falling: not a maximum");
        double[] f = new double[20];
        double[] a = new double[20];
        for (int k = 0; k < 20; k++) {
            f[k] = k * DF;
            a[k] = k >= 5 && k <= 7 ? 3 : 0;
        }
        assertEquals(6 * DF, comb(new Spectrum(f, a), 20, 4).interpolatedPeak(6), 0.0);
    }

    @Test
    void anInnerRaceCombHasShaftSidebandsOnItsFirstTwoHarmonics() {
        HarmonicComb c = comb(parabola(2000, 10), 20, 4);
        List<HarmonicComb.Term> t = c.terms(Verdict.BPFI, 101, 100, 3);
        assertEquals(
                List.of(
                        new HarmonicComb.Term(101, "BPFI 1x", 100, false),
                        new HarmonicComb.Term(81, "BPFI 1x - shaft", 100, true),
                        new HarmonicComb.Term(121, "BPFI 1x + shaft", 100, true),
                        new HarmonicComb.Term(202, "BPFI 2x", 200, false),
                        new HarmonicComb.Term(182, "BPFI 2x - shaft", 200, true),
                        new HarmonicComb.Term(222, "BPFI 2x + shaft", 200, true),
                        new HarmonicComb.Term(303, "BPFI 3x", 300, false)),
                t);
    }

    @Test
    void aBallCombHasCageSidebandsAnOuterRaceCombNone() {
        HarmonicComb c = comb(parabola(2000, 10), 20, 1.5); // the cage exactly 3 bins: resolved
        assertEquals(
                List.of(
                        new HarmonicComb.Term(50, "BSF 1x", 50, false),
                        new HarmonicComb.Term(48.5, "BSF 1x - cage", 50, true),
                        new HarmonicComb.Term(51.5, "BSF 1x + cage", 50, true)),
                c.terms(Verdict.BSF, 50, 50, 1));
        HarmonicComb unresolved = comb(parabola(2000, 10), 20, 1.4); // under 3 bins: no sidebands
        assertEquals(1, unresolved.terms(Verdict.BSF, 50, 50, 1).size());
        assertEquals(
                List.of(
                        new HarmonicComb.Term(90, "BPFO 1x", 90, false),
                        new HarmonicComb.Term(180, "BPFO 2x", 180, false)),
                c.terms(Verdict.BPFO, 90, 90, 2));
    }
}
