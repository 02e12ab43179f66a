package org.bearingworkbench.pipeline.prognosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the leave-one-bearing-out figures on the six PRONOSTIA learning bearings (skipped without ../shared): the
 * PHM 2012 score of the decision values at 60-90% of life, and the 90% band's coverage. scripts/rul-study.sh prints
 * the table.
 */
class LeaveOneBearingOutTest {
    @Test
    void scoreAndCoverageArePinned() throws Exception {
        List<LeaveOneBearingOut.Cut> cuts = LeaveOneBearingOut.run(LeaveOneBearingOut.open(), null);
        System.out.print(LeaveOneBearingOut.report(cuts));
        assertEquals(24, cuts.size());
        assertEquals(0.205, LeaveOneBearingOut.score(cuts), 0.005);
        assertEquals(21 / 24.0, LeaveOneBearingOut.coverage(cuts), 1e-9);
        double coverage = LeaveOneBearingOut.coverage(cuts);
        assertTrue(coverage >= 0.8 && coverage <= 0.97, "coverage " + coverage);
        assertTrue(cuts.stream().allMatch(c -> Double.isFinite(c.forecast().rulSeconds())), "every cut has a forecast");
    }
}
