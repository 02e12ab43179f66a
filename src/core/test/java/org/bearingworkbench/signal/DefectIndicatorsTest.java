package org.bearingworkbench.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The defect indicators (features --defects, the physics pass) credit each line to one defect only. */
class DefectIndicatorsTest {
    @Test
    void aLineWithinTwoDefectsWindowsCountsForTheNearerOneOnly() {
        // the 6205 bearing at 1797 rpm: BSF 3x (211.7 Hz) and BPFO 2x (214.8 Hz) are 1.4% apart
        BearingGeometry g = new BearingDesign("6205", 9, 0.3126, 1.537, 0).at(1797);
        double df = 0.1;
        int n = 10_001;
        double[] f = new double[n];
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = k * df;
            a[k] = 1;
        }
        a[(int) Math.round(2 * g.bpfo() / df)] = 100;
        Spectrum s = new Spectrum(f, a);
        DefectAnalysis analysis = DefectAnalysis.defaults(g);
        assertEquals(100, analysis.match(s, DefectType.BPFO, 1).ratio());
        assertTrue(analysis.match(s, DefectType.BSF, 1).ratio() < 2, "BSF 3x does not read BPFO's line");
        a[(int) Math.round(3 * g.bsf() / df)] = 50;
        assertEquals(50, analysis.match(s, DefectType.BSF, 1).ratio());
    }
}
