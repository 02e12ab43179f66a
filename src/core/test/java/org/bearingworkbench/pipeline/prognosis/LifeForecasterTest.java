package org.bearingworkbench.pipeline.prognosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.features.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Life models on synthetic runs to failure: flat, then an exponential rise to failure at the run's end. */
class LifeForecasterTest {
    @TempDir
    Path dir;

    static LifeModel model() {
        return LifeModel.learn(
                List.of(
                        new LifeModel.Run("a", SyntheticRuns.run("a", 600, 1)),
                        new LifeModel.Run("b", SyntheticRuns.run("b", 900, 2)),
                        new LifeModel.Run("c", SyntheticRuns.run("c", 1200, 3))),
                null,
                Double.NaN);
    }

    @Test
    void aForecastIsUnchangedWhenLaterSnapshotsArrive() {
        LifeModel m = model();
        FeatureTable full = SyntheticRuns.run("d", 1000, 4);
        for (int row : new int[] {100, 500, 850, 950}) {
            FeatureTable early = LeaveOneBearingOut.firstRows(full, row + 1);
            LifeForecast before = LifeForecaster.every(m, early, 1e9).get(1);
            LifeForecast after =
                    LifeForecaster.at(m, full, HealthTrace.of(full, m.feature(), m.baselineRows(), m.window()), row);
            assertEquals(before, after, "row " + row);
        }
    }

    @Test
    void learnsRmsAndTheLowestFailureLevel() {
        LifeModel m = model();
        assertEquals("rms", m.feature());
        assertEquals(3, m.histories().size());
        double lowest = m.histories().stream()
                .mapToDouble(LifeModel.History::finalLevel)
                .min()
                .orElseThrow();
        assertEquals(lowest, m.failureLevel(), 1e-12);
        assertTrue(m.failureLevel() > 3, "the runs end near 5x: " + m.failureLevel());
        assertEquals(9000, m.histories().get(1).lifeSeconds(), 1e-9);
        assertEquals("rms", m.ranking().get(0).measure(), "RMS rises, kurtosis does not: " + m.ranking());
    }

    @Test
    void flatRunsGetThePriorAndRisingOnesTheDegradationModel() {
        LifeModel m = model();
        FeatureTable full = SyntheticRuns.run("d", 1000, 4);
        HealthTrace trace = HealthTrace.of(full, "rms", m.baselineRows(), m.window());
        LifeForecast early = LifeForecaster.at(m, full, trace, 400);
        assertTrue(early.method().startsWith("life-ratio prior"), early.method());
        assertTrue(early.lowSeconds() <= early.rulSeconds() && early.rulSeconds() <= early.medianSeconds());
        assertTrue(early.medianSeconds() <= early.highSeconds());
        LifeForecast late = LifeForecaster.at(m, full, trace, 950);
        assertTrue(late.method().startsWith("exponential degradation"), late.method());
        double actual = (999 - 950) * 10.0;
        assertTrue(Math.abs(late.medianSeconds() - actual) < 0.5 * actual, late + " vs actual " + actual);
    }

    @Test
    void aRunStillRunningAboveALevelDidNotFailThere() {
        List<LifeModel.History> h = List.of(
                new LifeModel.History("a", 100, 2, new double[] {10}),
                new LifeModel.History("b", 100, 4, new double[] {10}),
                new LifeModel.History("c", 100, 8, new double[] {10}));
        LifeModel m = new LifeModel(1, "rms", 30, 30, 2, Double.NaN, "learned", h, List.of());
        double[] level = {1, 1.5, 3, 2.5, 9};
        HealthTrace trace = new HealthTrace("rms", new double[] {1, 2, 3, 4, 5}, level.clone(), level);
        assertArrayEquals(new double[] {2}, m.failureLevelsAt(trace, 1));
        assertArrayEquals(new double[] {4}, m.failureLevelsAt(trace, 3), "passed 2 at row 2 and runs on");
        assertArrayEquals(new double[] {9}, m.failureLevelsAt(trace, 4), "past every level: failure is due");
    }

    @Test
    void aGivenLevelIsInTheFeaturesUnit() {
        LifeModel m = LifeModel.learn(
                List.of(
                        new LifeModel.Run("a", SyntheticRuns.run("a", 600, 1)),
                        new LifeModel.Run("b", SyntheticRuns.run("b", 900, 2))),
                "rms",
                2.0);
        FeatureTable t = SyntheticRuns.run("d", 1000, 4);
        HealthTrace trace = HealthTrace.of(t, "rms", m.baselineRows(), m.window());
        assertEquals(2.0 / trace.baselineAt(500, m.baselineRows()), m.failureLevelAt(trace, 500), 1e-12);
        assertTrue(m.failureSource().startsWith("given"));
    }

    @Test
    void roundTripsThroughItsFileAndRefusesOthers() throws Exception {
        LifeModel m = model();
        Path f = dir.resolve("m.bwr");
        m.write(f);
        LifeModel back = LifeModel.read(f);
        FeatureTable t = SyntheticRuns.run("d", 1000, 4);
        assertEquals(LifeForecaster.every(m, t, 3600), LifeForecaster.every(back, t, 3600));
        Path bad = dir.resolve("bad.bwr");
        Files.writeString(bad, "{\"format\": 7}");
        IOException e = assertThrows(IOException.class, () -> LifeModel.read(bad));
        assertTrue(e.getMessage().contains("bad.bwr"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LifeModel.learn(List.of(), null, Double.NaN));
    }

    @Test
    void phmScoreFollowsTheChallengesFormula() {
        assertEquals(1.0, PhmScore.of(100, 100), 1e-12);
        assertEquals(0.5, PhmScore.of(100, 105), 1e-12);
        assertEquals(0.5, PhmScore.of(100, 80), 1e-12);
        double[] draws = new double[1000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = 100 * Math.exp(i / 500.0);
        }
        double guess = PhmScore.bestGuess(draws);
        for (double other : new double[] {draws[300], draws[500], draws[700], guess * 0.98, guess * 1.02}) {
            assertTrue(expected(draws, guess) >= expected(draws, other), guess + " scores below " + other);
        }
        assertTrue(guess < draws[500], "late costs more: below the median of a skewed spread, " + guess);
    }

    private static double expected(double[] draws, double forecast) {
        double s = 0;
        for (double a : draws) {
            s += PhmScore.of(a, forecast);
        }
        return s;
    }
}
