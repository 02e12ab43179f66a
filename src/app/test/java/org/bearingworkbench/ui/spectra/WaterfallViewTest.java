package org.bearingworkbench.ui.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the waterfall puts its defect labels and what its height scale says. */
class WaterfallViewTest {
    @Test
    void defectLabelsSitAboveTheBackLinesTallestRidgeAndInsideTheCanvas() {
        double h = 500;
        double bottom = h - 36;
        double depthY = Math.min(h * 0.55, 26.0 * 40);
        double lineH = Math.max(30, (bottom - depthY - 56) * 0.9);
        double ridgeTop = bottom - depthY - lineH;
        for (int kind = 0; kind < 5; kind++) {
            double y = WaterfallView.defectLabelBaseline(bottom, depthY, lineH, kind);
            assertTrue(y < ridgeTop - 4, "label " + kind + " at " + y + " over the ridge top " + ridgeTop);
            assertTrue(y > 11, "label " + kind + " at " + y + " is cut by the canvas's top");
        }
    }

    @Test
    void theHeightScaleReadsInMultiplesOfTheNoiseFloorUpToThePeak() {
        assertArrayEquals(new double[] {0, 4.25, 8.5}, WaterfallView.heightTicks(8.5));
    }
}
