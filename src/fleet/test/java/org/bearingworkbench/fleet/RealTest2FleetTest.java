package org.bearingworkbench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.BearingCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job on the real IMS test 2 with the study's Keras model (skipped without ../shared): a machine holding
 * the whole run alarms where the command line's {@code score} does (2004-02-16 03:42:39, 74.7 h ahead, ch3 blamed
 * most, ch1 first to leave its range); a machine holding only its first 500 snapshots is still normal. Its report is
 * the command line's, line for line.
 */
class RealTest2FleetTest {
    @TempDir
    Path tmp;

    @Test
    void theStudysRunAlarmsAsTheCommandLineSays() throws Exception {
        Path data = SharedData.imsTest2();
        Path bundle = tmp.resolve("study.bwm");
        Path cliReport = tmp.resolve("cli.csv");
        StringWriter err = new StringWriter();
        int code = BearingCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "score",
                data.toString(),
                "--keras-model",
                SharedData.file("seed-model/Cloud_model.h5").toString(),
                "--scaler",
                SharedData.file("seed-model/scaler_params.json").toString(),
                "--train-until",
                "2004-02-15 12:52:39",
                "--save-model",
                bundle.toString(),
                "-o",
                tmp.resolve("keras.csv").toString());
        assertEquals(0, code, err.toString());

        Path root = tmp.resolve("fleet");
        List<Path> files;
        try (var s = Files.list(data)) {
            files = s.sorted().toList();
        }
        Files.createDirectories(root.resolve("rig-2004-full"));
        Files.createDirectories(root.resolve("rig-2004-early"));
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Files.createLink(root.resolve("rig-2004-full").resolve(f.getFileName()), f);
            if (i < 500) {
                Files.createLink(root.resolve("rig-2004-early").resolve(f.getFileName()), f);
            }
        }
        code = BearingCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "score",
                root.resolve("rig-2004-full").toString(),
                "--model",
                bundle.toString(),
                "-o",
                cliReport.toString());
        assertEquals(0, code, err.toString());
        Path out = tmp.resolve("out");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("fleet-real-test")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        FleetRun.Outcome o;
        try {
            o = FleetRun.run(
                    spark,
                    FleetSettings.of(root.toString(), out.toString())
                            .reports(true)
                            .build(),
                    ModelAssignment.of(bundle.toString(), null));
        } finally {
            spark.stop();
        }
        MachineSummary early = o.machines().get(0);
        MachineSummary full = o.machines().get(1);
        assertEquals("rig-2004-early", early.machine());
        assertNull(early.firstAlarm());
        assertEquals("normal", early.state());
        assertEquals(500, early.files());

        assertEquals(LocalDateTime.of(2004, 2, 16, 3, 42, 39), full.firstAlarm());
        assertEquals(74.7, full.leadTimeHours(), 0.05);
        assertEquals("ch3", full.topChannel());
        assertEquals("ch1", full.firstChannelToLeave());
        assertEquals(984, full.files());
        assertEquals(
                ReportLines.comparable(cliReport),
                ReportLines.comparable(out.resolve("reports").resolve("rig-2004-full.csv")));
    }
}
