package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.detect.TrendRise;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.Snapshot;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.signal.DefectMatch;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance on the real IMS test 2 (skipped without ../shared): the defect indicators tell the outer-race story. */
class RealTest2PhysicsTest {
    private static FeatureTable table;
    private static RunPhysics physics;
    private static int trainRows;

    @BeforeAll
    static void computeIndicators() throws Exception {
        var data = new DirectoryImporter().importDirectory(SharedData.imsTest2(), TaskContext.silent());
        table = data.table();
        physics = RunPhysics.compute(data, PhysicsSettings.ims(), TaskContext.silent());
        trainRows = SplitConfig.until(SplitConfig.STUDY_TEST2).trainRows(table);
    }

    @Test
    void ch1BpfoStaysLowInTrainingAndRisesForGoodEarlyOnFebruary16() {
        double[] bpfo = physics.indicators().get("ch1_bpfo");
        double trainMax = 0;
        for (int r = 0; r < trainRows; r++) {
            trainMax = Math.max(trainMax, bpfo[r]);
        }
        assertTrue(trainMax < 6, "training maximum " + trainMax);
        int rise = TrendRise.risesForGoodAt(bpfo, trainRows, 1.2);
        LocalDateTime at = table.timestamp(rise);
        assertTrue(
                at.isAfter(LocalDateTime.of(2004, 2, 16, 0, 0)) && at.isBefore(LocalDateTime.of(2004, 2, 16, 12, 0)),
                "rises at " + at);
        for (int r = rise; r < table.rowCount(); r++) {
            assertTrue(
                    bpfo[r] > 8 || table.timestamp(r).isBefore(LocalDateTime.of(2004, 2, 16, 6, 0)),
                    table.timestamp(r) + ": " + bpfo[r]);
        }
    }

    @Test
    void noOtherDefectTypeOfCh1RisesForGoodInThatWindow() {
        for (DefectType t : DefectType.values()) {
            if (t == DefectType.BPFO) {
                continue;
            }
            int rise = TrendRise.risesForGoodAt(physics.indicators().get(t.column(1)), trainRows, 1.2);
            assertTrue(
                    rise < 0 || table.timestamp(rise).isAfter(LocalDateTime.of(2004, 2, 18, 0, 0)),
                    t + " rises for good at " + (rise < 0 ? "-" : table.timestamp(rise)));
        }
    }

    @Test
    void inTheLastDayTheStrongestMatchOfCh1IsAlwaysBpfo() throws Exception {
        PhysicsSettings s = PhysicsSettings.ims();
        LocalDateTime from = table.timestamp(table.rowCount() - 1).minusDays(1);
        int checked = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.timestamp(r).isBefore(from)) {
                continue;
            }
            Snapshot snap =
                    SnapshotReader.readSnapshot(table.directory().orElseThrow().resolve(table.file(r)));
            var env =
                    EnvelopeSpectrum.of(snap.channels()[0], snap.rows(), s.sampleRate(), s.bandLowHz(), s.bandHighHz());
            DefectMatch top = s.analysis().matches(env).get(0);
            assertEquals(DefectType.BPFO, top.type(), table.file(r) + ": " + top.describe("ch1"));
            assertTrue(top.describe("ch1").startsWith("BPFO"));
            checked++;
        }
        assertTrue(checked >= 140, checked + " files in the last day");
    }

    @Test
    void bsfAndTwiceBsfAreTwoIndicatorsNotOne() {
        // issue 19: they were identical in 387, 161, 817 and 313 of 984 rows (ch1-ch4), both matching the 2xBSF line
        for (int ch = 1; ch <= 4; ch++) {
            double[] bsf = physics.indicators().get(DefectType.BSF.column(ch));
            double[] twice = physics.indicators().get(DefectType.BALL.column(ch));
            int same = 0;
            for (int r = 0; r < bsf.length; r++) {
                same += bsf[r] == twice[r] ? 1 : 0;
            }
            assertEquals(0, same, "ch" + ch + ": rows where BSF equals 2xBSF");
        }
    }

    @Test
    void spectrogramHasOneRowPerFileAndChannel() {
        assertEquals(4, physics.spectrogram().length);
        assertEquals(984, physics.spectrogram()[0].length);
        assertEquals(256, physics.spectrogram()[0][0].length);
        assertTrue(physics.addTo(table).hasColumn("ch4_ftf"));
    }

    /**
     * The README's physics figures, pinned: ch1's BPFO indicator at named files (a change of the noise floor's
     * statistic, e.g. a mean instead of the median, moves them far more than the tolerance).
     */
    @Test
    void ch1BpfoRatiosAtNamedFilesAreTheReadmes() {
        double[] bpfo = physics.indicators().get("ch1_bpfo");
        ToDoubleFunction<String> at = f -> bpfo[
                IntStream.range(0, table.rowCount())
                        .filter(r -> table.file(r).equals(f))
                        .findFirst()
                        .orElseThrow()];
        assertEquals(64, at.applyAsDouble("2004.02.18.12.02.39"), 64 * 0.1, "2004-02-18 12:02:39");
        assertEquals(9.4, at.applyAsDouble("2004.02.16.03.22.39"), 9.4 * 0.1, "2004-02-16 03:22:39");
        int rise = TrendRise.risesForGoodAt(bpfo, trainRows, 1.2);
        assertEquals(LocalDateTime.of(2004, 2, 16, 3, 12, 39), table.timestamp(rise));
    }
}
