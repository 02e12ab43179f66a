package org.bearingworkbench.pipeline.prognosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * Early warning on the six PRONOSTIA learning bearings (skipped without ../shared), trained on the first 40% of each
 * run: the candidate columns under the LSTM autoencoder of {@code run} and the baseline detectors, chosen
 * leave-one-bearing-out (fewest alarms before half-life or
 * never, then the longest median lead on the other five), scored on the held-out bearing: does it alarm after its
 * half-life and before its end, and how long before. Pins the measured figures (docs/prognosis.md).
 */
class EarlyWarningTest {
    static final List<String> COLUMNS = List.of("*_mean_abs", ColumnSelection.WITH_DEFECT_INDICATORS);
    static final List<String> DETECTORS = List.of("PCA, Hotelling T²", "PCA, SPE (Q)", "Robust Mahalanobis (MCD)");
    static final String LSTM = "LSTM autoencoder (run)";

    /** Where the first sustained alarm falls: the share of the run's life, and the hours left; null when none. */
    record Alarm(double lifeShare, double leadHours) {}

    @Test
    void leaveOneBearingOutAlarmsAfterHalfLifeAndBeforeTheEnd() throws Exception {
        Map<String, Map<String, Alarm>> results = new LinkedHashMap<>();
        for (String b : LeaveOneBearingOut.BEARINGS) {
            ImportResult data =
                    DataSets.openFor(SharedData.femto(b), UserSettings.NONE, COLUMNS.get(1), TaskContext.silent());
            FeatureTable t = data.table();
            for (String cols : COLUMNS) {
                DetectorComparison c = DetectorComparison.run(
                        t,
                        ColumnSelection.resolve(t, cols),
                        SplitConfig.fraction(0.4),
                        null,
                        null,
                        PersistenceRule.defaults(),
                        data.description().channelsPerBearing(null),
                        TaskContext.silent());
                for (DetectorComparison.Entry e : c.entries()) {
                    if (DETECTORS.contains(e.label())) {
                        results.computeIfAbsent(cols + " | " + e.label(), k -> new LinkedHashMap<>())
                                .put(b, alarm(t, e.analysis().firstAlarmTime().orElse(null)));
                    }
                }
                results.computeIfAbsent(cols + " | " + LSTM, k -> new LinkedHashMap<>())
                        .put(b, alarm(t, lstmFirstAlarm(data, cols)));
            }
        }
        results.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-50s %s%n", k, v.values()));

        // what `run` does (the LSTM autoencoder): its default columns, chosen leave one bearing out
        Map<String, Map<String, Alarm>> lstm = new LinkedHashMap<>();
        results.forEach((k, v) -> {
            if (k.endsWith(LSTM)) {
                lstm.put(k, v);
            }
        });
        List<Alarm> run = leaveOneOut(lstm);
        // measured: the defect indicators with mean |x| in every fold (in Bearing2_2's, tied with mean |x| alone on
        // the median lead of the other five and ahead on the mean); every bearing alarms after half-life
        assertEquals(0, early(run), "run's default, held-out bearings alarming before half-life or never");
        assertEquals(0.33, medianLead(run), 0.01, "run's default, median lead, hours");
        for (Alarm a : results.get(ColumnSelection.WITH_DEFECT_INDICATORS + " | " + LSTM)
                .values()) {
            assertEquals(true, a != null && a.lifeShare() >= 0.5 && a.lifeShare() < 1, "run's default: " + a);
        }

        // any detector: Bearing2_2, held out, gets T² on mean |x| (the longest median lead on the other five), which
        // alarms at 43% of its life, where its RMS has tripled; the other five alarm after half-life
        List<Alarm> any = leaveOneOut(results);
        assertEquals(1, early(any), "any detector, held-out bearings alarming before half-life or never");
        assertEquals(0.33, medianLead(any), 0.01, "any detector, median lead, hours");
    }

    /** Each bearing scored by the candidate chosen on the other five. */
    private static List<Alarm> leaveOneOut(Map<String, Map<String, Alarm>> results) {
        List<Alarm> held = new ArrayList<>();
        for (String b : LeaveOneBearingOut.BEARINGS) {
            String chosen = results.keySet().stream()
                    .min(Comparator.comparingInt((String k) -> misses(results.get(k), b))
                            .thenComparingDouble(k -> -medianLead(results.get(k), b))
                            .thenComparingDouble(k -> -meanLead(results.get(k), b)))
                    .orElseThrow();
            Alarm a = results.get(chosen).get(b);
            System.out.printf(Locale.ROOT, "held out %s: chosen %s -> %s%n", b, chosen, a);
            held.add(a);
        }
        System.out.printf(
                Locale.ROOT,
                "leave-one-bearing-out: %d of 6 alarm after half-life and before the end; median lead %.2f h%n",
                6 - early(held),
                medianLead(held));
        return held;
    }

    /** The first sustained alarm of `run`: the LSTM autoencoder with its default settings, threshold and rule. */
    private static LocalDateTime lstmFirstAlarm(ImportResult data, String cols) {
        FeatureTable t = data.table();
        TrainingResult r = Workflows.train(
                t, cols, SplitConfig.fraction(0.4), ModelConfig.defaults(), e -> {}, TaskContext.silent());
        AnomalyAnalysis a = Workflows.analyze(
                t,
                ModelBundle.of(r),
                null,
                PersistenceRule.defaults(),
                data.description().channelsPerBearing(null),
                TaskContext.silent());
        return a.firstAlarmTime().orElse(null);
    }

    private static long early(List<Alarm> held) {
        return held.stream().filter(a -> a == null || a.lifeShare() < 0.5).count();
    }

    private static double medianLead(List<Alarm> held) {
        double[] leads = held.stream()
                .mapToDouble(a -> a == null ? 0 : a.leadHours())
                .sorted()
                .toArray();
        return (leads[2] + leads[3]) / 2;
    }

    private static Alarm alarm(FeatureTable t, LocalDateTime first) {
        if (first == null) {
            return null;
        }
        LocalDateTime start = t.timestamp(0);
        LocalDateTime end = t.timestamp(t.rowCount() - 1);
        double share = Duration.between(start, first).toMillis()
                / (double) Duration.between(start, end).toMillis();
        return new Alarm(share, Duration.between(first, end).toMillis() / 3.6e6);
    }

    private static int misses(Map<String, Alarm> r, String heldOut) {
        return (int) r.entrySet().stream()
                .filter(e -> !e.getKey().equals(heldOut))
                .filter(e -> e.getValue() == null || e.getValue().lifeShare() < 0.5)
                .count();
    }

    private static double meanLead(Map<String, Alarm> r, String heldOut) {
        return r.entrySet().stream()
                .filter(e -> !e.getKey().equals(heldOut) && e.getValue() != null)
                .mapToDouble(e -> e.getValue().leadHours())
                .average()
                .orElse(0);
    }

    private static double medianLead(Map<String, Alarm> r, String heldOut) {
        double[] l = r.entrySet().stream()
                .filter(e -> !e.getKey().equals(heldOut) && e.getValue() != null)
                .mapToDouble(e -> e.getValue().leadHours())
                .sorted()
                .toArray();
        return l.length == 0 ? 0 : (l[(l.length - 1) / 2] + l[l.length / 2]) / 2;
    }
}
