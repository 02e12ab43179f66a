package org.bearingworkbench.fleet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.Alarms;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.TrainingResult;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.BatchScoring;
import org.bearingworkbench.pipeline.BatchScoring.ScoredData;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine, in one Spark task: the core's import, scoring, threshold, persistence rule and attribution, exactly
 * as the command line's {@code score} runs them ({@link BatchScoring}), in the machine's time order. Bad input is
 * that machine's result ({@code failed}, with the core's message); the job goes on with the others.
 */
final class MachineScoring {
    private static final Logger LOG = LoggerFactory.getLogger(MachineScoring.class);

    private MachineScoring() {}

    static MachineResult run(Machine m, Map<String, byte[]> bundles, FleetSettings settings) {
        System.setProperty("bw.workers", Integer.toString(settings.workersPerTask()));
        FleetTraining training = settings.training();
        if (training == null && m.modelKey() == null) {
            return MachineResult.failed(m, null, "no model for this machine (not in the mapping file)", List.of());
        }
        Machine scored = training == null ? m : m.withModel(FleetOutputs.modelPath(settings.output(), m.name()));
        List<String> skipped = List.of();
        try (FleetStorage.LocalDirectory local = FleetStorage.localize(m.path())) {
            ModelBundle given = training == null ? BundleCache.get(m.modelKey(), bundles.get(m.modelKey())) : null;
            // the columns the model reads (or will be trained on) decide whether the defect indicators are computed
            String columns = given != null ? String.join(",", given.model().columns()) : training.columns();
            ImportResult data =
                    DataSets.openFor(local.dir().toPath(), UserSettings.NONE, columns, TaskContext.silent());
            skipped = data.skipped().stream().map(SkippedFile::toString).toList();
            ModelBundle bundle = given != null ? given : train(data, training, scored.modelKey());
            ScoredData s;
            try {
                s = BatchScoring.score(data, bundle, settings.detect(), TaskContext.silent());
            } catch (Workflows.UnscorableRow e) {
                // a snapshot the model cannot score (a 1e308 sample) is set apart and listed, not the machine failed
                SortedMap<Integer, String> unscorable = Workflows.unscorableRows(data.table(), bundle);
                boolean[] drop = new boolean[data.table().rowCount()];
                List<String> listed = new ArrayList<>(skipped);
                for (var u : unscorable.entrySet()) {
                    drop[u.getKey()] = true;
                    listed.add(data.table().file(u.getKey()) + ": not scored: " + u.getValue());
                }
                data = data.withTable(data.table().withoutRows(drop));
                skipped = List.copyOf(listed);
                s = BatchScoring.score(data, bundle, settings.detect(), TaskContext.silent());
            }
            if (settings.reports()) {
                FleetStorage.writeText(FleetOutputs.reportPath(settings.output(), m.name()), report(scored, s));
            }
            return result(scored, s, skipped);
        } catch (InputFormatException | IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("machine {} ({}) not scored: {}", m.name(), m.path(), e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return MachineResult.failed(m, scored.modelKey(), message, skipped);
        }
    }

    /** The command line's {@code train} on this machine's data; the bundle is written to {@code target}. */
    private static ModelBundle train(ImportResult data, FleetTraining t, String target) throws IOException {
        TrainingResult r = Workflows.train(
                data.table(), t.columns(), t.split(data.table()), t.config(), e -> {}, TaskContext.silent());
        ModelBundle bundle = ModelBundle.of(r).withDataSet(data.description());
        FleetStorage.writeBytes(target, bundle.toBytes());
        return bundle;
    }

    /** The anomaly report CSV of the command line's {@code score}, for this machine. */
    static String report(Machine m, ScoredData s) throws IOException {
        StringWriter out = new StringWriter();
        AnomalyReportCsv.write(
                s.analysis(),
                AnomalyReportCsv.Provenance.of(
                                m.path(), m.modelKey(), s.bundle(), s.data().skipped())
                        .with(s.data().description(), s.warnings()),
                false,
                out);
        return out.toString();
    }

    private static MachineResult result(Machine m, ScoredData s, List<String> skipped) {
        AnomalyAnalysis a = s.analysis();
        FeatureTable t = a.table();
        Alarms alarms = a.alarms();
        ChannelMap ch = a.channels();
        Attribution attr = a.attribution();
        int rows = t.rowCount();

        List<String> featureColumns = t.featureColumns();
        double[][] columns = featureColumns.stream().map(t::column).toArray(double[][]::new);
        List<MachineResult.FeatureRow> features = new ArrayList<>(rows);
        List<MachineResult.ScoreRow> scores = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            double[] values = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                values[c] = columns[c][r];
            }
            features.add(new MachineResult.FeatureRow(t.timestamp(r), t.file(r), values));
            int top = attr.topChannel(r);
            scores.add(new MachineResult.ScoreRow(
                    t.timestamp(r),
                    t.file(r),
                    a.isTrain(r),
                    a.scores().score()[r],
                    alarms.flagged()[r],
                    alarms.inAlarm()[r],
                    ch.channel(top),
                    ch.bearing(top),
                    a.scores().errors()[r].clone(),
                    a.sensor().reason(r)));
        }
        List<MachineResult.EpisodeRow> episodes = episodes(a, attr);
        int first = alarms.firstAlarm();
        int leaving = attr.firstToLeave();
        MachineSummary summary = new MachineSummary(
                m.name(),
                MachineSummary.SCORED,
                s.warnings().isEmpty() ? null : String.join("; ", s.warnings()),
                m.modelKey(),
                rows,
                skipped,
                featureColumns,
                ch.columns(),
                a.trainRows(),
                a.threshold().value(),
                a.threshold().method(),
                alarms.rule().toString(),
                alarms.flaggedCount(),
                alarms.episodes().size(),
                first < 0 ? null : t.timestamp(first),
                first < 0 ? null : t.file(first),
                first < 0 ? null : a.leadTimeHours(),
                a.dominantTopChannel().orElse(null),
                leaving < 0 ? null : ch.channel(leaving),
                rows > 0 && alarms.inAlarm()[rows - 1] ? "in alarm" : "normal",
                rows == 0 ? null : t.timestamp(rows - 1));
        return new MachineResult(summary, features, scores, episodes);
    }

    private static List<MachineResult.EpisodeRow> episodes(AnomalyAnalysis a, Attribution attr) {
        List<MachineResult.EpisodeRow> out = new ArrayList<>();
        int last = a.table().rowCount() - 1;
        int n = 0;
        for (Alarms.Episode e : a.alarms().episodes()) {
            double peak = Double.NEGATIVE_INFINITY;
            int[] tops = new int[a.channels().size()];
            for (int r = e.start(); r <= e.end(); r++) {
                peak = Math.max(peak, a.scores().score()[r]);
                tops[attr.topChannel(r)]++;
            }
            int best = 0;
            for (int c = 1; c < tops.length; c++) {
                if (tops[c] > tops[best]) {
                    best = c;
                }
            }
            out.add(new MachineResult.EpisodeRow(
                    ++n,
                    a.table().timestamp(e.start()),
                    a.table().timestamp(e.end()),
                    e.end() - e.start() + 1,
                    peak,
                    a.channels().channel(best),
                    e.end() == last && a.alarms().inAlarm()[last]));
        }
        return out;
    }
}
