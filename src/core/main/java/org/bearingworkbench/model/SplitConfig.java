package org.bearingworkbench.model;

import java.time.LocalDateTime;
import org.bearingworkbench.features.FeatureTable;

/**
 * Where training ends: either every row up to and including a timestamp, or the first fraction of the rows.
 * The study's split for IMS test 2 is {@link #STUDY_TEST2}.
 */
public record SplitConfig(LocalDateTime trainUntil, Double trainFraction) {
    public static final LocalDateTime STUDY_TEST2 = LocalDateTime.of(2004, 2, 15, 12, 52, 39);
    public static final double DEFAULT_FRACTION = 0.45;

    public SplitConfig {
        if ((trainUntil == null) == (trainFraction == null)) {
            throw new IllegalArgumentException("split: give either a train-until timestamp or a train fraction");
        }
        if (trainFraction != null && !(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction: between 0 and 1 exclusive (got " + trainFraction + ")");
        }
    }

    public static SplitConfig until(LocalDateTime t) {
        return new SplitConfig(t, null);
    }

    public static SplitConfig fraction(double f) {
        return new SplitConfig(null, f);
    }

    /** The study's boundary when the table is IMS test 2 (it contains that timestamp), else the first 45% of rows. */
    public static SplitConfig defaultFor(FeatureTable table) {
        int i = table.lastRowAtOrBefore(STUDY_TEST2);
        if (i >= 0 && table.timestamp(i).equals(STUDY_TEST2) && i < table.rowCount() - 1) {
            return until(STUDY_TEST2);
        }
        return fraction(DEFAULT_FRACTION);
    }

    /** Number of training rows (rows 0..n-1) in {@code table}. */
    public int trainRows(FeatureTable table) {
        int n;
        if (trainUntil != null) {
            n = table.lastRowAtOrBefore(trainUntil) + 1;
        } else {
            n = (int) Math.round(table.rowCount() * trainFraction);
        }
        if (n < 2) {
            throw new IllegalArgumentException("split: only " + n + " training row(s) before " + describe()
                    + "; the data starts at " + table.timestamp(0));
        }
        return n;
    }

    public String describe() {
        return trainUntil != null
                ? "until " + trainUntil.toString().replace('T', ' ')
                : "first " + trainFraction + " of rows";
    }
}
