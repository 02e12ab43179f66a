package org.bearingworkbench.serve;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.bearingworkbench.detect.Alarms;
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
 * <p>Scoring is serialised: a DL4J network's {@code output} is not safe to call from several threads at once, and for
 * this model a request's work is a few microseconds per row, so one lock costs less than a network per thread
 * (see {@code bench serve}).
 */
public final class ScoringService {
    private final ScoringModel model;
    private final ModelBundle bundle;
    private final double threshold;
    private final String thresholdSource;
    private final ChannelMap channels;
    private final ReentrantLock network = new ReentrantLock();

    /** A row's result. {@code inAlarm} is null when no persistence rule was asked for. */
    public record RowResult(LocalDateTime timestamp, double score, boolean flagged, Boolean inAlarm, String topChannel,
                            int topBearing, Map<String, Double> errors) {
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

    /** Scores the rows of {@code table} (which must hold the model's columns). */
    public List<RowResult> score(FeatureTable table, PersistenceRule rule) {
        bundle.model().checkColumns(table);
        Scores s;
        network.lock();
        try {
            s = bundle.model().score(table);
        } finally {
            network.unlock();
        }
        boolean[] inAlarm = rule == null ? null : Alarms.compute(s.score(), 0, threshold, rule).inAlarm();
        Attribution attr = new Attribution(s);
        List<RowResult> out = new ArrayList<>(s.rows());
        for (int r = 0; r < s.rows(); r++) {
            Map<String, Double> errors = new LinkedHashMap<>();
            for (int c = 0; c < channels.size(); c++) {
                errors.put(channels.columns().get(c), s.errors()[r][c]);
            }
            int top = attr.topChannel(r);
            out.add(new RowResult(table.timestamp(r), s.score()[r], s.score()[r] > threshold,
                    inAlarm == null ? null : inAlarm[r], channels.channel(top), channels.bearing(top), errors));
        }
        return out;
    }

    /** The timestamp format of requests and responses. */
    public static String format(LocalDateTime t) {
        return FeatureCsv.ISO.format(t);
    }
}
