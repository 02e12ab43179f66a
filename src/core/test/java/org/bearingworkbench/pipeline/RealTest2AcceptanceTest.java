package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Acceptance on the real IMS test 2 (skipped without ../shared): the study's model and settings, trained here for
 * 100 epochs on the mean_abs of the 4 channels up to 2004-02-15 12:52:39, reproduce the study's findings.
 * Uses the reference feature table (equal to the import to 1e-9, see RealTest2ImportTest) to skip the unpacking.
 */
class RealTest2AcceptanceTest {
    private static final LocalDateTime BOUNDARY = SplitConfig.STUDY_TEST2;
    private static final PersistenceRule RULE = PersistenceRule.defaults();
    private static FeatureTable table;
    private static TrainingResult trained;
    private static ModelBundle bundle;

    @BeforeAll
    static void trainTheStudysModel() throws Exception {
        table = FeatureCsv.read(SharedData.file("ims-test2/features_truth.csv"));
        trained = Workflows.train(
                table, null, SplitConfig.until(BOUNDARY), ModelConfig.defaults(), e -> {}, TaskContext.silent());
        bundle = ModelBundle.of(trained);
    }

    private static AnomalyAnalysis analyze(ThresholdMethod m) {
        return Workflows.analyze(table, bundle, m, RULE, 1, TaskContext.silent());
    }

    @Test
    void theLastTwoFilesAreSensorProblemsNotBearingAnomalies() {
        AnomalyAnalysis a = analyze(null);
        var sensor = a.sensor();
        int n = table.rowCount();
        assertEquals(2, sensor.count(), "only the two dead-sensor files at the end");
        for (int r = n - 2; r < n; r++) {
            assertTrue(sensor.at(r) && sensor.reason(r).contains("no signal"), table.file(r) + ": " + sensor.reason(r));
            assertTrue(!a.alarms().flagged()[r], table.file(r) + " is not a bearing anomaly");
        }
        assertEquals("2004.02.19.06.12.39", table.file(n - 2));
    }

    @Test
    void finalLossesLieInTheStudysBand() {
        assertEquals(100, trained.history().size());
        assertEquals(424, trained.fitWindows());
        assertEquals(23, trained.validationWindows());
        double loss = trained.last().loss();
        double val = trained.last().validationLoss();
        assertTrue(loss > 0.05 && loss < 0.15, "loss " + loss);
        assertTrue(val > 0.05 && val < 0.15, "val_loss " + val);
    }

    @Test
    void lateTestRowsAllScoreAboveTheStudysThresholdAndTrainingRowsDoNotPersist() {
        double[] score = bundle.model().score(table).score();
        int run = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            LocalDateTime t = table.timestamp(r);
            if (!t.isBefore(LocalDateTime.of(2004, 2, 16, 6, 0))) {
                assertTrue(score[r] > 0.275, t + " scores " + score[r]);
            }
            if (t.isBefore(BOUNDARY)) {
                run = score[r] > 0.275 ? run + 1 : 0;
                assertTrue(run < 3, "three consecutive training rows above 0.275 ending " + t);
            }
        }
    }

    @Test
    void studysThresholdRaisesFirstAlarmEarlyOnTheMorningOfFebruary16OnBearing1() {
        AnomalyAnalysis a = analyze(new ManualThreshold(0.275));
        LocalDateTime first = a.firstAlarmTime().orElseThrow();
        assertTrue(
                first.isAfter(LocalDateTime.of(2004, 2, 15, 23, 0))
                        && first.isBefore(LocalDateTime.of(2004, 2, 16, 6, 0)),
                "first alarm " + first);
        var attr = a.attribution();
        int ch1 = 0;
        int flagged = 0;
        for (int r = a.alarms().firstAlarm();
                r < table.rowCount() && table.timestamp(r).isBefore(first.plusHours(12));
                r++) {
            if (a.alarms().flagged()[r]) {
                flagged++;
                ch1 += attr.topChannel(r) == 0 ? 1 : 0;
            }
        }
        assertTrue(ch1 * 2 > flagged, ch1 + " of " + flagged + " flagged rows name ch1");
        assertEquals("ch1", a.channels().channel(attr.firstToLeave()));
    }

    @Test
    void defaultAndExtremeValueMethodsRaiseNoTrainingAlarmAndAlarmBeforeFebruary17() {
        Map<String, String> table = new LinkedHashMap<>();
        for (String id : new String[] {"robust:3", "max:1.1", "lognormal:0.001", "gamma:0.001", "pot:0.001"}) {
            AnomalyAnalysis a = analyze(Thresholds.parse(id, RULE));
            table.put(id, a.threshold().value() + " -> " + a.firstAlarmTime().orElse(null));
            assertEquals(0, a.alarms().trainingAlarmRows(), id + ": " + table.get(id));
            assertTrue(
                    a.firstAlarmTime().orElseThrow().isBefore(LocalDateTime.of(2004, 2, 17, 0, 0)),
                    id + ": " + table.get(id));
        }
        LoggerFactory.getLogger(getClass()).warn("methods on the 984-row import: {}", table);
    }

    @Test
    void everyAutomaticMethodHoldsOnTheStudysOwnTable() throws Exception {
        FeatureTable study = FeatureCsv.read(SharedData.file("ims-test2/seed_averaged_982.csv"));
        TrainingResult r = Workflows.train(
                study, null, SplitConfig.until(BOUNDARY), ModelConfig.defaults(), e -> {}, TaskContext.silent());
        ModelBundle b = ModelBundle.of(r);
        for (ThresholdMethod m : Thresholds.automatic(RULE)) {
            AnomalyAnalysis a = Workflows.analyze(study, b, m, RULE, 1, TaskContext.silent());
            assertEquals(0, a.alarms().trainingAlarmRows(), m.id());
            assertTrue(a.firstAlarmTime().orElseThrow().isBefore(LocalDateTime.of(2004, 2, 17, 0, 0)), m.id());
        }
    }

    /**
     * The README's table of methods, pinned (issue 17: moderate numeric drift must fail a test): each method's
     * threshold within 1.5% and its first sustained alarm to the file, and whether it alarms in the run-in.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0.275, 0.275, 2004-02-16T03:42:39, 0",
        "robust:3, 0.255, 2004-02-16T03:42:39, 0",
        "percentile:99, 0.149, 2004-02-12T10:52:39, 1",
        "sigma:3, 0.156, 2004-02-12T10:52:39, 1",
        "max:1.1, 0.354, 2004-02-16T05:42:39, 0",
        "lognormal:0.001, 0.311, 2004-02-16T05:22:39, 0",
        "gamma:0.001, 0.213, 2004-02-16T03:32:39, 0",
        "pot:0.001, 0.292, 2004-02-16T04:22:39, 0"
    })
    void theReadmeTableOfMethodsHolds(String id, double threshold, String firstAlarm, int trainingAlarms) {
        AnomalyAnalysis a = analyze(Thresholds.parse(id, RULE));
        assertEquals(threshold, a.threshold().value(), 0.015 * threshold, id + " threshold");
        assertEquals(LocalDateTime.parse(firstAlarm), a.firstAlarmTime().orElseThrow(), id + " first alarm");
        assertEquals(trainingAlarms > 0, a.alarms().trainingAlarmRows() > 0, id + " alarm in training");
    }

    @Test
    void theFinalLossesAreTheReadmes() {
        assertEquals(0.058, trained.last().loss(), 0.002);
        assertEquals(0.062, trained.last().validationLoss(), 0.002);
    }
}
