package org.bearingworkbench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bearingworkbench.cli.BearingCli;
import org.bearingworkbench.io.FeatureCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet job in Spark's local mode (local[2]) on a generated fleet of 13 machines, checked machine by machine
 * against the single-machine command line ({@code score}) on the same files: the same scores, flags, alarms and
 * report; bad machines reported, the job finished.
 */
class FleetJobTest {
    static final String BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm")
            .toAbsolutePath()
            .toString();

    @TempDir
    static Path tmp;

    static Path root;
    static Path output;
    static SparkSession spark;
    static FleetRun.Outcome outcome;
    static Map<String, MachineSummary> summaries;

    @BeforeAll
    static void runTheJob() throws Exception {
        root = tmp.resolve("fleet");
        GeneratedFleet.write(root);
        Path mapping = tmp.resolve("models.csv");
        Files.writeString(
                mapping,
                "machine,model\n# healthy-01 has its own bundle (here the same file)\nhealthy-01," + BUNDLE
                        + "\nretired-99," + BUNDLE + "\n");
        output = tmp.resolve("out");
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("fleet-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        FleetSettings settings = FleetSettings.of(root.toString(), output.toString())
                .reports(true)
                .build();
        outcome = FleetRun.run(spark, settings, ModelAssignment.of(BUNDLE, mapping.toString()));
        summaries = outcome.machines().stream().collect(Collectors.toMap(MachineSummary::machine, Function.identity()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyMachineIsInTheSummaryAndTheJobFinishes() throws IOException {
        assertEquals(13, outcome.machines().size(), outcome.machines().toString());
        assertFalse(summaries.containsKey("_spark_metadata"));
        assertEquals(2, outcome.failed());
        assertEquals(FleetJob.MACHINES_FAILED, FleetJob.exitCode(outcome, false), "a scheduler sees failed machines");
        assertEquals(0, FleetJob.exitCode(outcome, true), "--allow-failed");
        assertEquals(List.of("the mapping file names retired-99, which is not under the root"), outcome.notes());
        assertTrue(Files.isRegularFile(output.resolve("fleet-summary.csv")));
        System.out.println(Files.readString(output.resolve("fleet-summary.csv")));
    }

    @Test
    void everyScoredMachineEqualsTheCommandLinesScore() throws IOException {
        for (GeneratedFleet.Spec spec : GeneratedFleet.SPECS) {
            if (spec.channels() != 4) {
                continue;
            }
            String m = spec.name();
            Path cliReport = tmp.resolve("cli-" + m + ".csv");
            StringWriter err = new StringWriter();
            int code = BearingCli.run(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err),
                    "score",
                    root.resolve(m).toString(),
                    "--model",
                    BUNDLE,
                    "-o",
                    cliReport.toString());
            assertEquals(0, code, m + ": " + err);
            List<String> cli = ReportLines.comparable(cliReport);
            List<String> job = ReportLines.comparable(output.resolve("reports").resolve(m + ".csv"));
            assertEquals(cli, job, m + ": the job's report differs from score's");

            MachineSummary s = summaries.get(m);
            assertEquals(MachineSummary.SCORED, s.status(), m);
            String first = header(cli, "first_sustained_alarm");
            assertEquals(
                    first.equals("none") ? null : first.substring(0, 19),
                    s.firstAlarm() == null ? null : iso(s.firstAlarm()),
                    m);

            List<String[]> rows = cli.stream()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("timestamp"))
                    .map(l -> l.split(",", -1))
                    .toList();
            List<Row> scores = spark.read()
                    .parquet(output.resolve("scores").toString())
                    .where("machine = '" + m + "'")
                    .orderBy("timestamp")
                    .collectAsList();
            assertEquals(rows.size(), scores.size(), m);
            for (int r = 0; r < rows.size(); r++) {
                String[] c = rows.get(r);
                Row p = scores.get(r);
                assertEquals(c[0], iso(p.getAs("timestamp")), m + " row " + r);
                assertEquals(Double.parseDouble(c[3]), p.<Double>getAs("score"), 0.0, m + " row " + r);
                assertEquals(Boolean.parseBoolean(c[5]), p.<Boolean>getAs("flagged"), m + " row " + r);
                assertEquals(Boolean.parseBoolean(c[6]), p.<Boolean>getAs("in_alarm"), m + " row " + r);
                assertEquals(c[7], p.getAs("top_channel"), m + " row " + r);
            }
        }
    }

    @Test
    void theFleetHasHealthyAndFailingMachinesAndTheOnsetsAlarmInOrder() {
        List<LocalDateTime> alarms = new ArrayList<>();
        for (GeneratedFleet.Spec spec : GeneratedFleet.SPECS) {
            MachineSummary s = summaries.get(spec.name());
            if (spec.healthy()) {
                assertNull(s.firstAlarm(), spec.name() + " is healthy but alarmed");
                assertEquals("normal", s.state(), spec.name());
            }
            if (spec.name().startsWith("onset")) {
                assertNotNull(s.firstAlarm(), spec.name() + " never alarmed");
                LocalDateTime onset = GeneratedFleet.START.plusMinutes(10L * Math.round(spec.defectStart() * 159));
                assertFalse(s.firstAlarm().isBefore(onset), spec.name() + " alarmed before its defect started");
                assertEquals("ch" + spec.faultyChannel(), s.topChannel(), spec.name() + ": the defect's channel");
                alarms.add(s.firstAlarm());
            }
        }
        List<LocalDateTime> sorted = new ArrayList<>(alarms);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, alarms, "later onsets alarm later");
    }

    @Test
    void badMachinesAreReportedWithTheirReason() {
        MachineSummary bad = summaries.get("bad-files-11");
        assertEquals(MachineSummary.SCORED, bad.status());
        assertEquals(3, bad.skippedFiles().size(), bad.skippedFiles().toString());
        assertEquals(157, bad.files());

        MachineSummary two = summaries.get("two-channels-12");
        assertEquals(MachineSummary.FAILED, two.status());
        assertTrue(two.message().contains("ch3") || two.message().contains("ch4"), two.message());
        assertEquals("unknown", two.state());

        MachineSummary empty = summaries.get("empty-13");
        assertEquals(MachineSummary.FAILED, empty.status());
        assertNotNull(empty.message());
        assertNull(empty.firstAlarm());
    }

    @Test
    void theTablesArePartitionedByMachine() {
        assertTrue(Files.isDirectory(output.resolve("features").resolve("machine=onset-05")));
        long featureRows =
                spark.read().parquet(output.resolve("features").toString()).count();
        long expected =
                outcome.machines().stream().mapToLong(MachineSummary::files).sum();
        assertEquals(expected, featureRows);
        Row one = spark.read()
                .parquet(output.resolve("features").toString())
                .where("machine = 'healthy-02'")
                .orderBy("timestamp")
                .first();
        assertEquals(GeneratedFleet.START, one.getAs("timestamp"));
        assertTrue(one.<Double>getAs("ch1_mean_abs") > 0);

        long episodes =
                spark.read().parquet(output.resolve("episodes").toString()).count();
        assertEquals(
                outcome.machines().stream()
                        .filter(MachineSummary::scored)
                        .mapToLong(MachineSummary::episodes)
                        .sum(),
                episodes);
        List<Row> summary =
                spark.read().parquet(output.resolve("summary").toString()).collectAsList();
        assertEquals(13, summary.size());
    }

    @Test
    void machinesOnAnotherFileSystemAreCopiedToTheTaskAndGiveTheSameResults() throws Exception {
        Path remote = tmp.resolve("remote");
        for (String m : List.of("onset-06", "bad-files-11")) {
            Files.createDirectories(remote.resolve(m));
            try (var files = Files.list(root.resolve(m))) {
                for (Path f : files.toList()) {
                    Files.createLink(remote.resolve(m).resolve(f.getFileName()), f);
                }
            }
        }
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        long copiesBefore = copies(scratch);
        String uri = OtherSchemeFileSystem.SCHEME + ":" + remote.toAbsolutePath();
        FleetSettings settings =
                FleetSettings.of(uri, tmp.resolve("out-remote").toString()).build();
        FleetRun.Outcome o = FleetRun.run(spark, settings, ModelAssignment.of(BUNDLE, null));
        for (MachineSummary s : o.machines()) {
            MachineSummary local = summaries.get(s.machine());
            assertEquals(local.firstAlarm(), s.firstAlarm(), s.machine());
            assertEquals(local.files(), s.files(), s.machine());
            assertEquals(local.skippedFiles(), s.skippedFiles(), s.machine());
            assertEquals(local.flaggedRows(), s.flaggedRows(), s.machine());
        }
        assertEquals(2, o.machines().size());
        assertEquals(copiesBefore, copies(scratch), "each task removes its copy");
    }

    private static long copies(Path scratch) throws IOException {
        try (var s = Files.list(scratch)) {
            return s.filter(p -> p.getFileName().toString().startsWith("bw-machine-"))
                    .count();
        }
    }

    @Test
    void anExistingOutputIsRefusedBeforeWork() {
        FleetSettings again =
                FleetSettings.of(root.toString(), output.toString()).build();
        IOException e =
                assertThrows(IOException.class, () -> FleetRun.run(spark, again, ModelAssignment.of(BUNDLE, null)));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    }

    @Test
    void usageErrorsAreNamedBeforeSparkStarts() {
        StringWriter err = new StringWriter();
        int code = FleetJob.run(new PrintWriter(new StringWriter()), new PrintWriter(err), root.toString(), "-o", "x");
        assertEquals(1, code);
        assertTrue(err.toString().contains("--model"), err.toString());
    }

    private static String iso(LocalDateTime t) {
        return FeatureCsv.ISO.format(t);
    }

    private static String header(List<String> lines, String key) {
        return lines.stream()
                .filter(l -> l.startsWith("# " + key + ": "))
                .findFirst()
                .orElseThrow()
                .substring(key.length() + 4);
    }
}
