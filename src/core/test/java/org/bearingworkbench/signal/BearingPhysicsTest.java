package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bearingworkbench.detect.TrendRise;
import org.junit.jupiter.api.Test;

class BearingPhysicsTest {
    @Test
    void za2115PresetReproducesTheKnownDefectFrequenciesWithinOnePercent() {
        BearingGeometry g = BearingGeometry.rexnordZa2115();
        assertEquals(236.4, g.bpfo(), 2.364);
        assertEquals(296.9, g.bpfi(), 2.969);
        assertEquals(139.9, g.bsf(), 1.399);
        assertEquals(14.8, g.ftf(), 0.148);
        assertEquals(2 * g.bsf(), g.frequency(DefectType.BALL), 1e-12);
    }

    @Test
    void rejectsImpossibleGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new BearingGeometry("x", 16, 3, 2, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> new BearingGeometry("x", 16, 0.3, 2, 95, 30));
    }

    @Test
    void envelopeOfImpulsesRingingAResonanceShowsTheImpulseRate() {
        SyntheticRun run = SyntheticRun.sample();
        double[][] last = run.snapshot(run.files() - 1);
        PhysicsSettings s = PhysicsSettings.ims();
        Spectrum env = EnvelopeSpectrum.of(last[0], run.rows(), run.sampleRate(), s.bandLowHz(), s.bandHighHz());
        DefectMatch top = s.analysis().matches(env).get(0);
        assertEquals(DefectType.BPFO, top.type());
        assertTrue(top.ratio() > 6, top.describe("ch1"));
        Spectrum healthy = EnvelopeSpectrum.of(last[1], run.rows(), run.sampleRate(), s.bandLowHz(), s.bandHighHz());
        assertTrue(s.analysis().matches(healthy).get(0).ratio() < 6, "healthy channel stays low");
    }

    @Test
    void spectralKurtosisFindsTheRingingResonance() {
        SyntheticRun run = SyntheticRun.sample();
        double[][] last = run.snapshot(run.files() - 1);
        var band = SpectralKurtosis.best(last[0], run.rows(), run.sampleRate(), 500);
        assertTrue(
                band.lowHz() <= SyntheticRun.RESONANCE_HZ && band.highHz() >= SyntheticRun.RESONANCE_HZ,
                band.toString());
    }

    @Test
    void trendRisesForGoodOnlyWhenItStaysUp() {
        double[] y = {1, 2, 1, 5, 1, 5, 6, 7};
        assertEquals(5, TrendRise.risesForGoodAt(y, 3, 1.2));
        assertEquals(-1, TrendRise.risesForGoodAt(new double[] {1, 2, 1, 5, 1}, 3, 1.2));
    }
}
