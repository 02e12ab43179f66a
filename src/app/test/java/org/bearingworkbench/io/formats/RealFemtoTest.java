package org.bearingworkbench.io.formats;

import static org.bearingworkbench.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the real PRONOSTIA / FEMTO Bearing3_1 (skipped without ../shared): it opens with no question asked,
 * its rows are in clock order, and its features equal numpy's (src/core/test/resources/femto-bearing3_1-reference.csv).
 */
class RealFemtoTest {
    private static Path dir;
    private static ImportResult data;

    @TempDir
    Path out;

    @BeforeAll
    static void open() throws Exception {
        dir = SharedData.femtoBearing31();
        data = DataSets.open(dir, TaskContext.silent());
    }

    @Test
    void opensWithEverythingDetected() {
        DataSetDescription d = data.description();
        assertEquals("femto", d.format().value());
        assertEquals(25_600.0, d.sampleRateHz().value());
        assertEquals(ValueSource.FORMAT, d.sampleRateHz().source());
        assertEquals(2560, d.samplesPerSnapshot().value());
        assertEquals(Duration.ofSeconds(10), d.interval().value());
        assertEquals(2, d.channelCount());
        assertEquals(
                List.of("horizontal", "vertical"),
                d.channels().stream().map(c -> c.label()).toList());
        assertEquals(List.of(), data.skipped());
    }

    @Test
    void rowsFollowTheInFileClock() {
        // the clock is kept to the millisecond (the feature table's time resolution)
        FeatureTable t = data.table();
        assertEquals(515, t.rowCount());
        assertEquals("acc_00001.csv", t.file(0));
        assertEquals("acc_00515.csv", t.file(514));
        assertEquals(LocalDateTime.of(2000, 1, 1, 9, 10, 39, 118_000_000), t.timestamp(0));
        assertEquals(LocalDateTime.of(2000, 1, 1, 10, 36, 19, 118_000_000), t.timestamp(514));
        for (int i = 1; i < t.rowCount(); i++) {
            assertTrue(t.timestamp(i).isAfter(t.timestamp(i - 1)), "row " + i);
        }
    }

    @Test
    void featuresEqualAnIndependentComputation() throws Exception {
        FeatureTable t = data.table();
        List<String> lines = Files.readAllLines(Path.of("src/core/test/resources/femto-bearing3_1-reference.csv"));
        String[] head = lines.get(1).split(",");
        int checked = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] v = line.split(",");
            int row = IntStream.range(0, t.rowCount())
                    .filter(r -> t.file(r).equals(v[0]))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Integer.parseInt(v[1]), t.sampleRows(row));
            for (int c = 3; c < head.length; c++) {
                double want = Double.parseDouble(v[c]);
                assertEquals(want, t.column(head[c])[row], 1e-12 * Math.abs(want), v[0] + " " + head[c]);
                checked++;
            }
        }
        assertEquals(36, checked);
    }

    @Test
    void runsEndToEndAndThePhysicsUsesThePronostiaBearingAtTheStatedSpeed() throws Exception {
        String[] r = run(
                "run", dir.toString(), "--epochs", "5", "-o", out.resolve("run").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.readString(out.resolve("run/report.csv"))
                .contains("# data.sample_rate_hz: 25600.0 (stated by the format)"));
        String[] f = run(
                "features",
                dir.toString(),
                "--defects",
                "--rpm",
                "1500",
                "-o",
                out.resolve("f.csv").toString());
        assertEquals("0", f[0], f[2]);
        assertTrue(f[2].contains("defect indicators: PRONOSTIA test bearing at 1500 rpm, 25600.0 Hz"), f[2]);
        assertTrue(f[2].contains("shaft_rpm: 1500.0 (set by the user)"), f[2]);
        // 0.1 s snapshots give 10 Hz bins: the cage line (10.8 Hz) cannot be resolved, and the judgement says so
        String[] e = run("envelope", dir.resolve("acc_00510.csv").toString(), "--rpm", "1500");
        assertEquals("0", e[0], e[1] + e[2]);
        assertTrue(e[1].contains("shaft 1500.0 rpm (set by the user)"), e[1]);
        assertTrue(e[1].contains("FTF not judged (FTF at 10.8 Hz is under 4 bins of 10.00 Hz"), e[1]);
    }
}
