package org.bearingworkbench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.detect.Attribution;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.CsvCell;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;

/**
 * Writes the anomaly report: {@code #} comment lines with provenance and the alarm summary, then one row per data
 * row (or per flagged row). Plain comma CSV, ISO timestamps, {@code .} decimals in any locale; written atomically.
 */
public final class AnomalyReportCsv {
    private AnomalyReportCsv() {}

    /** Where the data and the model came from, for the header. */
    public record Provenance(
            String dataSource,
            String modelFile,
            String configHash,
            String seed,
            String trainedOn,
            List<SkippedFile> skipped,
            List<String> dataDescription,
            List<String> warnings) {
        public Provenance {
            skipped = List.copyOf(skipped);
            dataDescription = List.copyOf(dataDescription);
            warnings = List.copyOf(warnings);
        }

        /**
         * Provenance of a report made with {@code bundle} (its settings and, when it has them, the identity of its
         * training data) on data that left out {@code skipped}.
         */
        public static Provenance of(
                String dataSource, String modelFile, ModelBundle bundle, List<SkippedFile> skipped) {
            ModelConfig config = bundle.model().config();
            return new Provenance(
                    dataSource,
                    modelFile,
                    config.hash(),
                    Long.toString(config.seed()),
                    bundle.provenance() == null ? null : bundle.provenance().describe(),
                    skipped,
                    List.of(),
                    List.of());
        }

        /** The same, with the data set's description and any warnings (e.g. data unlike the model's). */
        public Provenance with(DataSetDescription description, List<String> warnings) {
            return new Provenance(
                    dataSource,
                    modelFile,
                    configHash,
                    seed,
                    trainedOn,
                    skipped,
                    description == null ? List.of() : description.lines(),
                    warnings);
        }
    }

    public static void write(AnomalyAnalysis a, Provenance p, boolean onlyFlagged, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(a, p, onlyFlagged, out));
    }

    public static void write(AnomalyAnalysis a, Provenance p, boolean onlyFlagged, Writer out) throws IOException {
        ChannelMap ch = a.channels();
        var alarms = a.alarms();
        header(a, p, out);
        Attribution attr = a.attribution();
        var sensor = a.sensor();
        StringBuilder sb =
                new StringBuilder("timestamp,file,split,score,threshold,flagged,in_alarm,top_channel,top_bearing");
        for (int c = 0; c < ch.size(); c++) {
            sb.append(",error_").append(ch.columns().get(c));
        }
        for (int c = 0; c < ch.size(); c++) {
            sb.append(",departure_").append(ch.columns().get(c));
        }
        out.write(sb.append(",sensor_problem").append('\n').toString());
        double[] score = a.scores().score();
        for (int r = 0; r < score.length; r++) {
            if (onlyFlagged && !alarms.flagged()[r]) {
                continue;
            }
            int top = attr.topChannel(r);
            sb.setLength(0);
            sb.append(FeatureCsv.ISO.format(a.table().timestamp(r)))
                    .append(',')
                    .append(CsvCell.of(a.table().file(r)))
                    .append(',')
                    .append(a.isTrain(r) ? "train" : "test")
                    .append(',')
                    .append(num(score[r]))
                    .append(',')
                    .append(num(alarms.threshold()))
                    .append(',')
                    .append(alarms.flagged()[r])
                    .append(',')
                    .append(alarms.inAlarm()[r])
                    .append(',')
                    .append(ch.channel(top))
                    .append(',')
                    .append(ch.bearing(top));
            for (int c = 0; c < ch.size(); c++) {
                sb.append(',').append(num(a.scores().errors()[r][c]));
            }
            for (int c = 0; c < ch.size(); c++) {
                sb.append(',').append(num(attr.departure(r, c)));
            }
            String problem = sensor.reason(r);
            sb.append(',').append(problem == null ? "" : problem.replace(',', ';'));
            out.write(sb.append('\n').toString());
        }
    }

    /** The {@code #} lines: where the data and model came from, the threshold, rule, alarms, what was left out. */
    private static void header(AnomalyAnalysis a, Provenance p, Writer out) throws IOException {
        ChannelMap ch = a.channels();
        var alarms = a.alarms();
        out.write("# Bearing Workbench anomaly report\n");
        out.write("# data_source: " + p.dataSource() + "\n");
        out.write("# created_at: " + Instant.now() + "\n");
        out.write("# model: " + p.modelFile() + " (config hash " + p.configHash() + ", seed " + p.seed() + ")\n");
        if (p.trainedOn() != null) {
            out.write("# model.trained_on: " + p.trainedOn().replace('\n', ' ') + "\n");
        }
        for (String line : p.dataDescription()) {
            out.write("# data." + line + "\n");
        }
        for (String w : p.warnings()) {
            out.write("# warning: " + w + "\n");
        }
        out.write("# skipped_files: " + p.skipped().size() + (p.skipped().isEmpty() ? "" : " (not in the rows below)")
                + "\n");
        for (SkippedFile f : p.skipped()) {
            out.write("# skipped: " + f.toString().replace('\n', ' ').replace('\r', ' ') + "\n");
        }
        out.write("# feature_columns: " + String.join(" ", ch.columns()) + "\n");
        out.write("# training_rows: " + a.trainRows()
                + (a.trainRows() > 0
                        ? " (until " + FeatureCsv.ISO.format(a.table().timestamp(a.trainRows() - 1)) + ")"
                        : " (this data lies after the model's training range; its saved threshold applies)")
                + "\n");
        out.write("# threshold: " + num(a.threshold().value()) + " method "
                + a.threshold().method() + " (" + a.threshold().explanation() + ")\n");
        out.write("# persistence: " + alarms.rule() + " (alarm when "
                + alarms.rule().n() + " of the last " + alarms.rule().m() + " rows are flagged)\n");
        out.write("# flagged_rows: " + alarms.flaggedCount() + ", alarm_episodes: "
                + alarms.episodes().size() + ", alarm_rows_in_training: " + alarms.trainingAlarmRows() + "\n");
        if (alarms.firstAlarm() >= 0) {
            int r = alarms.firstAlarm();
            out.write("# first_sustained_alarm: "
                    + FeatureCsv.ISO.format(a.table().timestamp(r)) + " file "
                    + a.table().file(r) + " row " + r + "\n");
            out.write("# lead_time_hours: " + String.format(Locale.ROOT, "%.1f", a.leadTimeHours()) + "\n");
        } else {
            out.write("# first_sustained_alarm: none\n");
        }
        var sensor = a.sensor();
        out.write("# sensor_problem_rows: " + sensor.count()
                + (sensor.count() == 0
                        ? ""
                        : " (no signal or clipped: never "
                                + "flagged as bearing anomalies, left out of training and threshold "
                                + "fitting; column sensor_problem)")
                + "\n");
        Attribution attr = a.attribution();
        int first = attr.firstToLeave();
        out.write("# first_channel_to_leave_training_range: "
                + (first < 0
                        ? "none"
                        : ch.channel(first) + " at "
                                + FeatureCsv.ISO.format(a.table().timestamp(attr.leftForGoodAt(first))))
                + "\n");
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
