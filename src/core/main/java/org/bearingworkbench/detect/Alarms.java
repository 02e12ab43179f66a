package org.bearingworkbench.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The alarm picture for one threshold: which rows are flagged (score above threshold), which are in alarm under the
 * persistence rule, the alarm episodes, and the first sustained alarm.
 *
 * @param firstAlarm row index of the first row in alarm, or -1
 * @param trainingAlarmRows rows in alarm inside the training range (should be 0 for a sound threshold)
 */
public record Alarms(
        double threshold,
        PersistenceRule rule,
        boolean[] flagged,
        boolean[] inAlarm,
        List<Episode> episodes,
        int firstAlarm,
        int flaggedCount,
        int trainingAlarmRows) {

    /** Consecutive rows in alarm, {@code start..end} inclusive. */
    public record Episode(int start, int end) {}

    public static Alarms compute(double[] score, int trainRows, double threshold, PersistenceRule rule) {
        return compute(score, trainRows, threshold, rule, null);
    }

    /**
     * As {@link #compute(double[], int, double, PersistenceRule)}, with rows that are never flagged ({@code excluded},
     * e.g. sensor problems: not bearing anomalies; they neither count towards an alarm nor raise one). Null: none.
     */
    public static Alarms compute(
            double[] score, int trainRows, double threshold, PersistenceRule rule, boolean[] excluded) {
        int n = score.length;
        boolean[] flagged = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            flagged[i] = score[i] > threshold && (excluded == null || !excluded[i]);
            if (flagged[i]) {
                count++;
            }
        }
        boolean[] alarm = rule.apply(flagged);
        List<Episode> episodes = new ArrayList<>();
        int first = -1;
        int trainAlarm = 0;
        for (int i = 0; i < n; i++) {
            if (alarm[i]) {
                if (first < 0) {
                    first = i;
                }
                if (i < trainRows) {
                    trainAlarm++;
                }
                if (i == 0 || !alarm[i - 1]) {
                    episodes.add(new Episode(i, i));
                } else {
                    episodes.set(
                            episodes.size() - 1,
                            new Episode(episodes.get(episodes.size() - 1).start(), i));
                }
            }
        }
        return new Alarms(threshold, rule, flagged, alarm, List.copyOf(episodes), first, count, trainAlarm);
    }
}
