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
import org.bearingworkbench.model.SplitConfig;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.DetectorComparison;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;

/**
 * Early warning on the six PRONOSTIA learning bearings (skipped without ../shared), trained on the first 40% of each
 * run: the candidate columns and baseline detectors, chosen leave-one-bearing-out (fewest alarms before half-life or
 * never, then the longest median lead on the other five), scored on the held-out bearing: does it alarm after its
 * half-life and before its end, and how long before. Pins the measured figures (docs/prognosis.md).
 */
class EarlyWarningTest {
    static final List<String> COLUMNS = List.of("*_mean_abs", "*_bpfo,*_bpfi,*_bsf,*_mean_abs");
    static final List<String> DETECTORS = List.of("PCA, Hotelling T²", "PCA, SPE (Q)", "Robust Mahalanobis (MCD)");

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
            }
        }
        results.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-50s %s%n", k, v.values()));
        List<Alarm> held = new ArrayList<>();
        for (String b : LeaveOneBearingOut.BEARINGS) {
            String chosen = results.keySet().stream()
                    .min(Comparator.comparingInt((String k) -> misses(results.get(k), b))
                            .thenComparingDouble(k -> -medianLead(results.get(k), b)))
                    .orElseThrow();
            Alarm a = results.get(chosen).get(b);
            System.out.printf(Locale.ROOT, "held out %s: chosen %s -> %s%n", b, chosen, a);
            held.add(a);
        }
        long early = held.stream().filter(a -> a == null || a.lifeShare() < 0.5).count();
        double[] leads = held.stream().mapToDouble(Alarm::leadHours).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "leave-one-bearing-out: %d of 6 alarm after half-life; median lead %.2f h%n",
                6 - early,
                (leads[2] + leads[3]) / 2);
        // measured: Bearing2_2, held out, gets T² on mean |x| (the longest median lead on the other five), which
        // alarms at 43% of its life, where its RMS has tripled; the other five alarm after half-life
        assertEquals(1, early, "held-out bearings alarming before half-life or never");
        assertEquals(0.33, (leads[2] + leads[3]) / 2, 0.01, "median lead, hours");
        Map<String, Alarm> chosen = results.get(COLUMNS.get(1) + " | " + DETECTORS.get(0));
        for (Alarm a : chosen.values()) {
            assertEquals(true, a != null && a.lifeShare() >= 0.5 && a.lifeShare() < 1, "T² on defect indicators: " + a);
        }
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

    private static double medianLead(Map<String, Alarm> r, String heldOut) {
        double[] l = r.entrySet().stream()
                .filter(e -> !e.getKey().equals(heldOut) && e.getValue() != null)
                .mapToDouble(e -> e.getValue().leadHours())
                .sorted()
                .toArray();
        return l.length == 0 ? 0 : (l[(l.length - 1) / 2] + l[l.length / 2]) / 2;
    }
}
