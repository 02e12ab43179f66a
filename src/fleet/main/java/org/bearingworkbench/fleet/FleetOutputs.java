package org.bearingworkbench.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The job's outputs under the output directory: {@code features/}, {@code scores/} and {@code episodes/} as Parquet
 * partitioned by machine, {@code summary/} as Parquet and {@code fleet-summary.csv} for people, and on request
 * {@code reports/<machine>.csv} (the command line's anomaly report); with fleet training, {@code models/<machine>.bwm}.
 */
final class FleetOutputs {
    static final String FEATURES = "features";
    static final String SCORES = "scores";
    static final String EPISODES = "episodes";
    static final String SUMMARY = "summary";
    static final String SUMMARY_CSV = "fleet-summary.csv";
    static final String REPORTS = "reports";

    private FleetOutputs() {}

    static final String MODELS = "models";

    static String modelPath(String output, String machine) {
        return output + "/" + MODELS + "/" + machine + ".bwm";
    }

    static String reportPath(String output, String machine) {
        return output + "/" + REPORTS + "/" + machine + ".csv";
    }

    static void write(SparkSession spark, JavaRDD<MachineResult> results, List<MachineSummary> summaries, String out)
            throws IOException {
        List<String> columns = featureColumns(summaries);
        StructType features = featureSchema(columns);
        spark.createDataFrame(results.flatMap(r -> featureRows(r, columns).iterator()), features)
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy("machine")
                .parquet(out + "/" + FEATURES);
        spark.createDataFrame(results.flatMap(r -> scoreRows(r).iterator()), SCORE_SCHEMA)
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy("machine")
                .parquet(out + "/" + SCORES);
        spark.createDataFrame(results.flatMap(r -> episodeRows(r).iterator()), EPISODE_SCHEMA)
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy("machine")
                .parquet(out + "/" + EPISODES);
        Dataset<Row> summary = spark.createDataFrame(
                summaries.stream().map(FleetOutputs::summaryRow).toList(), SUMMARY_SCHEMA);
        summary.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out + "/" + SUMMARY);
        FleetStorage.writeText(out + "/" + SUMMARY_CSV, FleetSummaryCsv.of(summaries));
    }

    /** Every machine's feature columns, in first-seen order (machines with other channels leave the rest null). */
    static List<String> featureColumns(List<MachineSummary> summaries) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        summaries.forEach(s -> s.featureColumns().forEach(c -> all.put(c, true)));
        return List.copyOf(all.keySet());
    }

    static StructType featureSchema(List<String> columns) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("machine", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("timestamp", DataTypes.TimestampNTZType, false));
        f.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        columns.forEach(c -> f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true)));
        return DataTypes.createStructType(f);
    }

    static List<Row> featureRows(MachineResult r, List<String> columns) {
        List<String> mine = r.summary().featureColumns();
        int[] at = columns.stream().mapToInt(mine::indexOf).toArray();
        List<Row> rows = new ArrayList<>(r.features().size());
        for (MachineResult.FeatureRow f : r.features()) {
            Object[] v = new Object[3 + columns.size()];
            v[0] = r.summary().machine();
            v[1] = f.time();
            v[2] = f.file();
            for (int c = 0; c < at.length; c++) {
                v[3 + c] = at[c] < 0 ? null : f.values()[at[c]];
            }
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    static final StructType SCORE_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("machine", DataTypes.StringType, false),
            DataTypes.createStructField("timestamp", DataTypes.TimestampNTZType, false),
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("split", DataTypes.StringType, false),
            DataTypes.createStructField("score", DataTypes.DoubleType, false),
            DataTypes.createStructField("threshold", DataTypes.DoubleType, false),
            DataTypes.createStructField("flagged", DataTypes.BooleanType, false),
            DataTypes.createStructField("in_alarm", DataTypes.BooleanType, false),
            DataTypes.createStructField("top_channel", DataTypes.StringType, false),
            DataTypes.createStructField("top_bearing", DataTypes.IntegerType, false),
            DataTypes.createStructField(
                    "errors", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false),
            DataTypes.createStructField("sensor_problem", DataTypes.StringType, true)));

    static List<Row> scoreRows(MachineResult r) {
        MachineSummary s = r.summary();
        List<Row> rows = new ArrayList<>(r.scores().size());
        for (MachineResult.ScoreRow x : r.scores()) {
            Map<String, Double> errors = new LinkedHashMap<>();
            for (int c = 0; c < s.modelColumns().size(); c++) {
                errors.put(s.modelColumns().get(c), x.errors()[c]);
            }
            rows.add(RowFactory.create(
                    s.machine(),
                    x.time(),
                    x.file(),
                    x.train() ? "train" : "test",
                    x.score(),
                    s.threshold(),
                    x.flagged(),
                    x.inAlarm(),
                    x.topChannel(),
                    x.topBearing(),
                    CollectionConverters.asScala(errors),
                    x.sensorProblem()));
        }
        return rows;
    }

    static final StructType EPISODE_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("machine", DataTypes.StringType, false),
            DataTypes.createStructField("episode", DataTypes.IntegerType, false),
            DataTypes.createStructField("start", DataTypes.TimestampNTZType, false),
            DataTypes.createStructField("end", DataTypes.TimestampNTZType, false),
            DataTypes.createStructField("snapshots", DataTypes.IntegerType, false),
            DataTypes.createStructField("peak_score", DataTypes.DoubleType, false),
            DataTypes.createStructField("top_channel", DataTypes.StringType, false),
            DataTypes.createStructField("ongoing", DataTypes.BooleanType, false)));

    static List<Row> episodeRows(MachineResult r) {
        return r.episodes().stream()
                .map(e -> RowFactory.create(
                        r.summary().machine(),
                        e.number(),
                        e.start(),
                        e.end(),
                        e.snapshots(),
                        e.peakScore(),
                        e.topChannel(),
                        e.ongoing()))
                .toList();
    }

    static final StructType SUMMARY_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("machine", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("message", DataTypes.StringType, true),
            DataTypes.createStructField("model", DataTypes.StringType, true),
            DataTypes.createStructField("files", DataTypes.IntegerType, false),
            DataTypes.createStructField("skipped_files", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("training_rows", DataTypes.IntegerType, true),
            DataTypes.createStructField("threshold", DataTypes.DoubleType, true),
            DataTypes.createStructField("threshold_method", DataTypes.StringType, true),
            DataTypes.createStructField("persistence", DataTypes.StringType, true),
            DataTypes.createStructField("flagged_rows", DataTypes.IntegerType, true),
            DataTypes.createStructField("episodes", DataTypes.IntegerType, true),
            DataTypes.createStructField("first_alarm", DataTypes.TimestampNTZType, true),
            DataTypes.createStructField("first_alarm_file", DataTypes.StringType, true),
            DataTypes.createStructField("lead_time_hours", DataTypes.DoubleType, true),
            DataTypes.createStructField("top_channel", DataTypes.StringType, true),
            DataTypes.createStructField("first_channel_to_leave", DataTypes.StringType, true),
            DataTypes.createStructField("state", DataTypes.StringType, false),
            DataTypes.createStructField("last_snapshot", DataTypes.TimestampNTZType, true)));

    static Row summaryRow(MachineSummary s) {
        return RowFactory.create(
                s.machine(),
                s.status(),
                s.message(),
                s.model(),
                s.files(),
                CollectionConverters.asScala(s.skippedFiles()).toSeq(),
                s.trainingRows(),
                s.threshold(),
                s.thresholdMethod(),
                s.persistence(),
                s.flaggedRows(),
                s.episodes(),
                s.firstAlarm(),
                s.firstAlarmFile(),
                s.leadTimeHours(),
                s.topChannel(),
                s.firstChannelToLeave(),
                s.state(),
                s.lastSnapshot());
    }

    static String hours(Double h) {
        return h == null ? "" : String.format(Locale.ROOT, "%.1f", h);
    }
}
