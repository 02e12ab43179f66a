package org.bearingworkbench.ui.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The threshold pane's score histogram: a robust range, and scores beyond it named, never piled into one bar. */
class ScoreHistogramTest {
    @Test
    void oneTrainingSpikeDoesNotSetTheRange() {
        double[] train = new double[200];
        Arrays.fill(train, 0.1);
        train[7] = 50; // one spike
        assertEquals(Math.max(3 * 0.1, 1.5 * 0.2) * 1.05, ScoreHistogram.histogramRange(train, 0.2), 1e-12);
    }

    @Test
    void scoresBeyondTheAxisAreNamedNotPiledIntoTheLastBar() {
        DoubleDataSet ds = new DoubleDataSet("x");
        double[] test = {0.1, 0.2, 0.5, 3, 30};
        ScoreHistogram.fillHistogram(ds, "test scores", test, 1.0);
        double last = ds.get(1, ds.getDataCount() - 1);
        assertEquals(0, last, "the last bar holds no score beyond the axis");
        double drawn = 0;
        for (int i = 0; i < ds.getDataCount(); i++) {
            drawn += ds.get(1, i);
        }
        assertEquals(3, drawn);
        assertEquals("test scores (2 beyond the axis, up to 30)", ds.getName());
        ScoreHistogram.fillHistogram(ds, "test scores", new double[] {0.1}, 1.0);
        assertEquals("test scores", ds.getName());
    }
}
