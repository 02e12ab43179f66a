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
            LocalDateTime[] time, double[] score, boolean[] flagged, boolean[] inAlarm, int[] top, double[][] errors) {
        public int rows() {
            return score.length;
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
        for (int r = 0; r < flagged.length; r++) {
            flagged[r] = s.score()[r] > threshold;
        }
        boolean[] inAlarm = rule == null ? null : rule.apply(flagged);
        Attribution attr = new Attribution(s);
        int[] top = new int[s.rows()];
        for (int r = 0; r < top.length; r++) {
            top[r] = attr.topChannel(r);
        }
        return new Result(time, s.score(), flagged, inAlarm, top, s.errors());
    }

    /** The timestamp format of requests and responses. */
    public static String format(LocalDateTime t) {
        return FeatureCsv.ISO.format(t);
    }
}
