package org.bearingworkbench.detect;

import org.bearingworkbench.model.Scores;

/**
 * Which bearing: per row, the channel with the largest reconstruction error and each channel's share of the row's
 * error; and, beside it, each channel's departure from its own training range (how far its scaled value lies outside
 * [0, 1]). Far outside the training range the network mixes channels, so the departure often names the failing
 * bearing more reliably; {@link #firstToLeave()} says which channel left its range for good first.
 */
public final class Attribution {
    private final Scores scores;

    public Attribution(Scores scores) {
        this.scores = scores;
    }

    /** Index of the model column with the largest error in row r. */
    public int topChannel(int r) {
        double[] e = scores.errors()[r];
        int best = 0;
        for (int c = 1; c < e.length; c++) {
            if (e[c] > e[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Share of row r's error carried by column c (0..1). */
    public double share(int r, int c) {
        double[] e = scores.errors()[r];
        double sum = 0;
        for (double v : e) {
            sum += v;
        }
        return sum > 0 ? e[c] / sum : 0;
    }

    /** How far column c's scaled value in row r lies outside the training range [0, 1] (0 inside). */
    public double departure(int r, int c) {
        double x = scores.scaled()[r][c];
        return x > 1 ? x - 1 : (x < 0 ? -x : 0);
    }

    /**
     * Row from which column c stays outside its training range until the end of the data, or -1 if it is back inside
     * at the last row.
     */
    public int leftForGoodAt(int c) {
        int rows = scores.rows();
        int r = rows - 1;
        while (r >= 0 && departure(r, c) > 0) {
            r--;
        }
        return r == rows - 1 ? -1 : r + 1;
    }

    /** The column that left its training range for good first, or -1 if none did. */
    public int firstToLeave() {
        int best = -1;
        int bestRow = Integer.MAX_VALUE;
        for (int c = 0; c < scores.columns(); c++) {
            int at = leftForGoodAt(c);
            if (at >= 0 && at < bestRow) {
                bestRow = at;
                best = c;
            }
        }
        return best;
    }
}
