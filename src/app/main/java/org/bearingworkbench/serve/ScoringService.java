package org.bearingworkbench.serve;

import java.time.LocalDateTime;
import java.util.List;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.monitor.ScoringModel;

/**
 * A tuned model as a service, without HTTP: rows of timestamp + the model's feature columns in, per row the score,
 * whether it exceeds the model's threshold, the per-channel errors and the channel with the largest one; with a
 * persistence rule, also whether each row is in alarm over the posted rows. The threshold is the one saved with the
 * bundle (tuned in the window or by {@code score --save-model}) unless one is given.
 *
 * <p>Scoring runs through the model's plain-Java forward pass ({@code LstmAutoencoder#scoreDirect}): immutable
 * weights, so requests score in parallel with no lock and no per-call DL4J overhead (~2.5 ms a call, which dominated
 * a small request; see {@code bench serve}).
 */
public final class ScoringService {
    private final ScoringModel model;
    private final ModelBundle bundle;
    private final double threshold;
    private final String thresholdSource;
    private final ChannelMap channels;

    /**
     * The results of a request, row by row: {@code inAlarm} is null when no persistence rule was asked for;
     * {@code top[r]} is the index of the model column with the largest error in row r ({@link #channels()} names it).
     */
    public record Result(
            LocalDateTime[] time,
            double[] score,
            boolean[] flagged,
            boolean[] inAlarm,
            int[] top,
            double[][] errors,
            String[] unscorable) {
        public int rows() {
            return score.length;
        }

        /** Why row {@code r} could not be scored, or null when it was. */
        public String unscorable(int r) {
            return unscorable[r];
        }

        public int unscorableRows() {
            int n = 0;
            for (String u : unscorable) {
                n += u == null ? 0 : 1;
            }
            return n;
        }
    }

    public ScoringService(ModelBundle bundle, Double thresholdOverride, int channelsPerBearing) {
        this(ScoringModel.of(bundle, thresholdOverride, null, channelsPerBearing));
    }

    public ScoringService(ScoringModel model) {
        this.model = model;
        this.bundle = model.bundle();
        this.threshold = model.threshold();
        this.thresholdSource = model.thresholdSource();
        this.channels = model.channels();
    }

    /** The model with its threshold and rule. */
    public ScoringModel scoringModel() {
        return model;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public double threshold() {
        return threshold;
    }

    public String thresholdSource() {
        return thresholdSource;
    }

    /** The model's feature columns, in the order its network reads them. */
    public List<String> columns() {
        return bundle.model().columns();
    }

    /** The channel-to-bearing map of the model's columns. */
    public ChannelMap channels() {
        return channels;
    }

    /** Scores the rows of a table (which must hold the model's columns). */
    public Result score(FeatureTable table, PersistenceRule rule) {
        bundle.model().checkColumns(table);
        double[][] cols = new double[columns().size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = table.column(columns().get(c));
        }
        return score(table.timestamps().toArray(new LocalDateTime[0]), cols, rule);
    }

    Result score(RequestRows rows, PersistenceRule rule) {
        return score(rows.time(), rows.columns(), rule);
    }

    private Result score(LocalDateTime[] time, double[][] columns, PersistenceRule rule) {
        Scores s = bundle.model().scoreDirect(bundle.model().scaler().transform(columns));
        boolean[] flagged = new boolean[s.rows()];
        String[] unscorable = new String[s.rows()];
        for (int r = 0; r < flagged.length; r++) {
            unscorable[r] = Double.isFinite(s.score()[r]) ? null : whyUnscorable(columns, r);
            flagged[r] = unscorable[r] == null && s.score()[r] > threshold;
        }
        boolean[] inAlarm = rule == null ? null : applySkipping(rule, flagged, unscorable);
        Attribution attr = new Attribution(s);
        int[] top = new int[s.rows()];
        for (int r = 0; r < top.length; r++) {
            top[r] = attr.topChannel(r);
        }
        return new Result(time, s.score(), flagged, inAlarm, top, s.errors(), unscorable);
    }

    /**
     * Why a row's score is not a number: the first input beyond the range the model computes in (float), or the
     * model's own output. Such a row is never "not flagged".
     */
    String whyUnscorable(double[][] columns, int r) {
        for (int c = 0; c < columns.length; c++) {
            double v = columns[c][r];
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                return columns().get(c) + " = " + v + " lies beyond the range the model computes in (float, +-3.4e38)";
            }
        }
        return "the model's score is not a number for these inputs (an input far outside the training range?)";
    }

    /**
     * The persistence rule over the rows that could be scored; a row that could not keeps the state before it: it
     * neither counts as normal nor ends an alarm.
     */
    static boolean[] applySkipping(PersistenceRule rule, boolean[] flagged, String[] unscorable) {
        int n = 0;
        for (String u : unscorable) {
            n += u == null ? 1 : 0;
        }
        boolean[] scored = new boolean[n];
        for (int r = 0, k = 0; r < flagged.length; r++) {
            if (unscorable[r] == null) {
                scored[k++] = flagged[r];
            }
        }
        boolean[] alarm = rule.apply(scored);
        boolean[] out = new boolean[flagged.length];
        boolean state = false;
        for (int r = 0, k = 0; r < flagged.length; r++) {
            if (unscorable[r] == null) {
                state = alarm[k++];
            }
            out[r] = state;
        }
        return out;
    }

    /** The timestamp format of requests and responses. */
    public static String format(LocalDateTime t) {
        return FeatureCsv.ISO.format(t);
    }
}
