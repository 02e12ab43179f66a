package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector comparison: every detector through the same threshold and rule, the LSTM as the batch scores it. */
class DetectorComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void theSampleRunThroughEveryDetectorWithTheStoredModel() throws Exception {
        var t = SampleData.table();
        ModelBundle b = ModelBundle.load(Path.of("src/core/test/resources/bundles/v1-sample.bwm"));
        PersistenceRule rule = PersistenceRule.parse("2/3");
        DetectorComparison c = DetectorComparison.run(
                t,
                ColumnSelection.defaults(t),
                SplitConfig.until(b.trainEnd()),
                b,
                null,
                rule,
                1,
                TaskContext.silent());
        assertEquals(
                List.of("lstm", "pca-t2", "pca-spe", "mcd", "iforest"),
                c.entries().stream().map(DetectorComparison.Entry::id).toList());
        AnomalyAnalysis lstm = Workflows.analyze(t, b, null, rule, 1, TaskContext.silent());
        assertEquals(lstm.firstAlarmTime(), c.entries().get(0).analysis().firstAlarmTime());
        assertEquals(
                lstm.threshold().value(),
                c.entries().get(0).analysis().threshold().value());
        for (DetectorComparison.Entry e : c.entries()) {
            AnomalyAnalysis a = e.analysis();
            assertEquals(72, a.trainRows(), e.id());
            LocalDateTime first = a.firstAlarmTime().orElseThrow(() -> new AssertionError(e.id() + " never alarms"));
            assertTrue(first.isAfter(t.timestamp(71)), e.id() + " alarms in training at " + first);
            if (!e.id().equals("pca-spe")) { // SPE contributions smear a fault over correlated features (a known limit)
                assertEquals(
                        "ch1", a.dominantTopChannel().orElseThrow(), e.id() + ": the sample run's failing channel");
            }
        }
        String csv = c.csv();
        assertEquals(6, csv.lines().count(), csv);
        assertTrue(
                csv.startsWith("detector,label,threshold,threshold_method,flagged,first_alarm,lead_time_hours,"), csv);
        String scores = c.normalisedScoresCsv();
        assertEquals(161, scores.lines().count());
        assertTrue(scores.lines().findFirst().orElseThrow().equals("timestamp,file,lstm,pca-t2,pca-spe,mcd,iforest"));
    }

    @Test
    void theCompareCommandPrintsAndWritesTheTable() throws Exception {
        Path out = tmp.resolve("compare.csv");
        String[] r = CliRunner.run(
                "compare",
                SampleData.DIR.toString(),
                "--model",
                "src/core/test/resources/bundles/v1-sample.bwm",
                "-o",
                out.toString(),
                "--scores",
                tmp.resolve("scores.csv").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(
                r[1].contains("LSTM autoencoder")
                        && r[1].contains("PCA, Hotelling T²")
                        && r[1].contains("Isolation forest"),
                r[1]);
        assertEquals(6, Files.readAllLines(out).size());
        assertEquals(161, Files.readAllLines(tmp.resolve("scores.csv")).size());
        String[] few = CliRunner.run("compare", SampleData.DIR.toString(), "--train-fraction", "0.03");
        assertEquals("1", few[0]);
        assertTrue(few[2].contains("training rows; the baselines need at least 10"), few[2]);
    }

    @Test
    void onImsTest2TheSimpleBaselinesAlarmWithTheStudysModelAndNameTheFailedBearing() throws Exception {
        var t = FeatureCsv.read(SharedData.file("ims-test2/features_truth.csv"));
        Path h5 = SharedData.file("seed-model/Cloud_model.h5");
        Path scaler = SharedData.file("seed-model/scaler_params.json");
        SplitConfig split = SplitConfig.until(SplitConfig.STUDY_TEST2);
        ModelBundle b = Workflows.importKeras(t, h5, scaler, null, split);
        DetectorComparison c = DetectorComparison.run(
                t, b.model().columns(), split, b, null, PersistenceRule.defaults(), 1, TaskContext.silent());
        // the figures of the README's comparison table
        String[][] want = {
            {"lstm", "2004-02-16 03:42:39", "ch3"},
            {"pca-t2", "2004-02-16 03:32:39", "ch1"},
            {"pca-spe", "2004-02-17 07:52:39", "ch2"},
            {"mcd", "2004-02-16 03:42:39", "ch1"},
            {"iforest", "2004-02-18 08:32:39", "ch1"},
        };
        for (int i = 0; i < want.length; i++) {
            DetectorComparison.Entry e = c.entries().get(i);
            assertEquals(want[i][0], e.id());
            assertEquals(want[i][1], e.firstAlarm(), e.id());
            assertEquals(want[i][2], e.analysis().dominantTopChannel().orElseThrow(), e.id());
            assertEquals(0, e.analysis().alarms().trainingAlarmRows(), e.id());
        }
    }
}
