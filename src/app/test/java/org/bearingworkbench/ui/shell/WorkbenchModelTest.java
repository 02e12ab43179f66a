package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.junit.jupiter.api.Test;

/** The shared view model, without a Stage: split defaults, and threshold/persistence changes recompute at once. */
class WorkbenchModelTest {
    private static AnomalyAnalysis analysis(FeatureTable t) {
        int n = t.rowCount();
        double[] score = new double[n];
        double[][] errors = new double[n][1];
        double[][] scaled = new double[n][1];
        for (int i = 0; i < n; i++) {
            score[i] = i < 100 ? 0.1 : 1.0;
            errors[i][0] = score[i];
            scaled[i][0] = 0.5;
        }
        return AnomalyAnalysis.of(
                t,
                new Scores(score, errors, scaled),
                72,
                new ChannelMap(List.of("ch1_mean_abs"), 1),
                new ManualThreshold(0.5),
                PersistenceRule.defaults());
    }

    @Test
    void newDataGetsTheDefaultSplit() throws Exception {
        WorkbenchModel m = new WorkbenchModel();
        FeatureTable t = SampleData.table();
        m.dataProperty().set(csvData(t));
        assertEquals(t.timestamp(71), m.trainUntilProperty().get());
        assertEquals(72, m.trainRows());
    }

    @Test
    void addingColumnsToTheSameRunKeepsSplitAndSelection() throws Exception {
        WorkbenchModel m = new WorkbenchModel();
        FeatureTable t = SampleData.table();
        m.dataProperty().set(csvData(t));
        m.trainUntilProperty().set(t.timestamp(50));
        m.selectedRowProperty().set(120);
        m.dataProperty().set(csvData(t.withColumns(Map.of("ch1_bpfo", new double[160]))));
        assertEquals(t.timestamp(50), m.trainUntilProperty().get());
        assertEquals(120, m.selectedRowProperty().get());
    }

    @Test
    void changingTheThresholdMethodRecomputesFlagsAndAlarms() throws Exception {
        WorkbenchModel m = new WorkbenchModel();
        m.analysisProperty().set(analysis(SampleData.table()));
        assertEquals(60, m.analysisProperty().get().alarms().flaggedCount());
        m.thresholdMethodProperty().set(new ManualThreshold(0.05));
        assertEquals(160, m.analysisProperty().get().alarms().flaggedCount());
        assertEquals("manual:0.05", m.analysisProperty().get().threshold().method());
    }

    @Test
    void changingThePersistenceRuleRecomputesAlarms() throws Exception {
        WorkbenchModel m = new WorkbenchModel();
        m.analysisProperty().set(analysis(SampleData.table()));
        m.thresholdMethodProperty().set(new ManualThreshold(0.5));
        int first = m.analysisProperty().get().alarms().firstAlarm();
        m.ruleProperty().set(new PersistenceRule(10, 10));
        assertEquals(first + 7, m.analysisProperty().get().alarms().firstAlarm());
        assertTrue(m.analysisProperty().get().alarms().rule().n() == 10);
    }

    @Test
    void theStudysBoundaryIsTheDefaultForImsTest2() {
        List<LocalDateTime> ts = new ArrayList<>();
        for (int i = 0; i < 984; i++) {
            ts.add(LocalDateTime.of(2004, 2, 12, 10, 32, 39).plusMinutes(10L * i));
        }
        Map<String, double[]> cols = Map.of("ch1_mean_abs", new double[984]);
        FeatureTable t = FeatureTable.of("2nd_test", null, ts, Collections.nCopies(984, "f"), new int[984], cols);
        assertEquals(LocalDateTime.of(2004, 2, 15, 12, 52, 39), WorkbenchModel.defaultSplit(t));
    }

    static ImportResult csvData(FeatureTable t) {
        return new ImportResult(
                t, List.of(), 4, 0, 0, DataSetDescription.ofFeatureTable("feature-csv", t.channels()), null);
    }
}
