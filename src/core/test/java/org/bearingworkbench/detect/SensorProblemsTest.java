package org.bearingworkbench.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.bearingworkbench.features.ChannelStatistics;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.junit.jupiter.api.Test;

class SensorProblemsTest {
    private static final int ROWS = 40;

    /** 40 snapshots of two channels of noise; row 30 has ch2 dead (tiny noise), row 35 has ch1 clipped at +-0.3. */
    static FeatureTable table() {
        Random rnd = new Random(5);
        Map<String, double[]> cols = new LinkedHashMap<>();
        int nf = Feature.values().length;
        double[][] out = new double[2][ROWS * nf];
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            ts.add(LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(10L * r));
            files.add("f" + r);
            for (int c = 0; c < 2; c++) {
                double[] x = new double[2048];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextGaussian() * (r == 30 && c == 1 ? 0.001 : 0.2);
                    if (r == 35 && c == 0) {
                        x[i] = Math.max(-0.3, Math.min(0.3, x[i] * 3));
                    }
                }
                ChannelStatistics.compute(x, x.length, out[c], r * nf);
            }
        }
        for (int c = 0; c < 2; c++) {
            for (Feature f : Feature.values()) {
                double[] v = new double[ROWS];
                for (int r = 0; r < ROWS; r++) {
                    v[r] = out[c][r * nf + f.ordinal()];
                }
                cols.put(f.column(c + 1), v);
            }
        }
        return FeatureTable.of("t", null, ts, files, new int[ROWS], cols);
    }

    @Test
    void aDeadChannelAndAClippedOneAreFoundWithTheirReasons() {
        FeatureTable t = table();
        SensorProblems s = SensorProblems.of(t);
        assertEquals(2, s.count());
        assertTrue(s.at(30) && s.reason(30).startsWith("ch2 no signal (rms"), s.reason(30));
        assertTrue(s.at(35) && s.reason(35).startsWith("ch1 clipped or stuck"), s.reason(35));
        assertNull(s.reason(0));
        assertFalse(s.reason(30).contains(","), "a reason is one CSV field");
        double live = t.column("ch1_clip")[0];
        assertTrue(live < 0.002, "a live channel has ~2/n samples at its extremes: " + live);
        assertEquals(1, s.countBefore(31));
    }

    @Test
    void withOnlyMeanAbsColumnsTheLevelComesFromThem() {
        FeatureTable t = table();
        Map<String, double[]> only = new LinkedHashMap<>();
        only.put("ch1_mean_abs", t.column("ch1_mean_abs"));
        only.put("ch2_mean_abs", t.column("ch2_mean_abs"));
        FeatureTable csv = FeatureTable.of(
                "csv",
                null,
                t.timestamps(),
                IntStream.range(0, ROWS).mapToObj(t::file).toList(),
                new int[ROWS],
                only);
        SensorProblems s = SensorProblems.of(csv);
        assertEquals(1, s.count(), "clipping cannot be seen without the clip column");
        assertTrue(s.reason(30).startsWith("ch2 no signal (mean_abs"), s.reason(30));
    }

    /** A table of one channel whose rms (and mean_abs) are the given levels. */
    private static FeatureTable levels(double... rms) {
        return levels(rms, new double[rms.length]);
    }

    private static FeatureTable levels(double[] rms, double[] clip) {
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int r = 0; r < rms.length; r++) {
            ts.add(LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(r));
            files.add("f" + r);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("ch1_rms", rms);
        cols.put("ch1_clip", clip);
        return FeatureTable.of("t", null, ts, files, new int[rms.length], cols);
    }

    @Test
    void theFlatLimitIsFivePercentOfTheMedianOfAnEvenOrOddRun() {
        // even count: median (1.0 + 3.0) / 2 = 2.0, limit 0.1; a row exactly at the limit is not flat
        SensorProblems even = SensorProblems.of(levels(0.0999, 0.1, 1.0, 3.0, 4.0, 5.0));
        assertTrue(even.at(0));
        assertFalse(even.at(1), "exactly 5% is still a signal");
        assertEquals(1, even.count());
        assertEquals("ch1 no signal (rms 0.0999 = 5.0% of its median)", even.reason(0));
        // odd count: median 2.0
        SensorProblems odd = SensorProblems.of(levels(0.05, 2.0, 2.0, 9.0, 1.0));
        assertEquals("ch1 no signal (rms 0.0500 = 2.5% of its median)", odd.reason(0));
        assertEquals(0, odd.countBefore(0));
        assertEquals(1, odd.countBefore(1));
        assertEquals(1, odd.countBefore(99), "beyond the table: every row");
        assertFalse(odd.at(4));
        assertNull(odd.reason(4));
    }

    @Test
    void theClipLimitIsOnePercentOfTheSamples() {
        SensorProblems s = SensorProblems.of(levels(new double[] {1, 1, 1, 1}, new double[] {0, 0.01, 0.0099, 0}));
        assertTrue(
                s.at(1) && s.reason(1).equals("ch1 clipped or stuck (1.0% of samples at its extremes)"), s.reason(1));
        assertFalse(s.at(2));
        assertEquals(1, s.count());
    }

    @Test
    void sensorRowsAreNeverFlaggedNorCountTowardsAnAlarm() {
        double[] score = {0.1, 0.1, 5, 5, 5, 0.1};
        boolean[] excluded = {false, false, false, true, false, false};
        Alarms a = Alarms.compute(score, 2, 1.0, PersistenceRule.defaults(), excluded);
        assertFalse(a.flagged()[3]);
        assertEquals(2, a.flaggedCount());
        assertEquals(-1, a.firstAlarm(), "3 of 3 needs three flagged rows in a row; the dead row breaks it");
    }
}
