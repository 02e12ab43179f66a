package org.bearingworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.detect.ChannelMap;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyReportCsvTest {
    @TempDir
    Path dir;

    private static final AnomalyReportCsv.Provenance PROV = new AnomalyReportCsv.Provenance(
            "data/run", "m.bwm", "abcd1234", "10", null, List.of(), List.of(), List.of());

    private static AnomalyAnalysis analysis() {
        int n = 6;
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("ch1_mean_abs", new double[n]);
        cols.put("ch2_mean_abs", new double[n]);
        List<LocalDateTime> ts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ts.add(LocalDateTime.of(2004, 2, 12, 10, 0).plusMinutes(10L * i));
            files.add("f" + i);
        }
        FeatureTable t = FeatureTable.of("run", null, ts, files, new int[n], cols);
        double[] score = {0.1, 0.1, 0.1, 0.5, 0.6, 0.7};
        double[][] errors = new double[n][];
        double[][] scaled = new double[n][];
        for (int i = 0; i < n; i++) {
            errors[i] = new double[] {score[i] * 1.5, score[i] * 0.5};
            scaled[i] = new double[] {i < 3 ? 0.5 : 1.5, 0.5};
        }
        return AnomalyAnalysis.of(
                t,
                new Scores(score, errors, scaled),
                3,
                new ChannelMap(List.of("ch1_mean_abs", "ch2_mean_abs"), 1),
                new ManualThreshold(0.275),
                PersistenceRule.defaults());
    }

    @Test
    void writesCommentHeaderThenOneRowPerDataRow() throws Exception {
        Path out = dir.resolve("report.csv");
        AnomalyReportCsv.write(analysis(), PROV, false, out);
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("# "));
        assertTrue(
                lines.contains("# first_sustained_alarm: 2004-02-12 10:50:00 file f5 row 5"), String.join("\n", lines));
        assertTrue(lines.contains("# lead_time_hours: 0.0"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# threshold: 0.275 method manual:0.275")));
        assertTrue(lines.contains("# first_channel_to_leave_training_range: ch1 at 2004-02-12 10:30:00"));
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(
                "timestamp,file,split,score,threshold,flagged,in_alarm,top_channel,top_bearing,error_ch1_mean_abs,"
                        + "error_ch2_mean_abs,departure_ch1_mean_abs,departure_ch2_mean_abs,sensor_problem",
                data.get(0));
        assertEquals(7, data.size());
        assertEquals(
                "2004-02-12 10:50:00,f5,test,0.7,0.275,true,true,ch1,1,1.0499999999999998,0.35,0.5,0.0,", data.get(6));
        assertTrue(data.get(1).contains(",train,"));
    }

    @Test
    void onlyFlaggedKeepsFlaggedRows() throws Exception {
        Path out = dir.resolve("report.csv");
        AnomalyReportCsv.write(analysis(), PROV, true, out);
        assertEquals(
                4,
                Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    void usesDotDecimalsWhateverTheLocale() throws Exception {
        Locale old = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path out = dir.resolve("report.csv");
            AnomalyReportCsv.write(analysis(), PROV, false, out);
            assertTrue(Files.readString(out).contains(",0.275,"));
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void missingFolderGivesClearMessage() {
        var e = assertThrows(
                IOException.class,
                () -> AnomalyReportCsv.write(analysis(), PROV, false, dir.resolve("missing/report.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void pathUnderAFileGivesClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        var e = assertThrows(
                IOException.class, () -> AnomalyReportCsv.write(analysis(), PROV, false, file.resolve("report.csv")));
        assertTrue(e.getMessage().startsWith("cannot write"), e.getMessage());
    }
}
