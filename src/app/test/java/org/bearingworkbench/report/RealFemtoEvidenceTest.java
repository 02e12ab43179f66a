package org.bearingworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's PRONOSTIA Bearing3_1 figures (skipped without ../shared): the detector comparison with an LSTM trained
 * on the first half, the remaining-life evaluation, and the incident report naming bearing 1 for either channel.
 */
class RealFemtoEvidenceTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path model;

    @BeforeAll
    static void train() throws Exception {
        data = SharedData.femtoBearing31();
        model = dir.resolve("femto.bwm");
        String[] r = CliRunner.run("train", data.toString(), "--train-fraction", "0.5", "-o", model.toString());
        assertEquals("0", r[0], r[2]);
    }

    private static String row(String out, String label) {
        return out.lines()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .map(l -> l.substring(26).trim().replaceAll("\\s+", " "))
                .orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void comparisonTable() {
        String[] r = CliRunner.run("compare", data.toString(), "--train-fraction", "0.5", "--model", model.toString());
        assertEquals("0", r[0], r[2]);
        // the default columns here: the defect indicators and mean |x| of both channels (on mean |x| alone, the
        // LSTM alarmed at 10:27:09, 9 min before the end, on ch1)
        assertEquals("0.2324 23 2000-01-01 10:33:09 3 min 0 ch2", row(r[1], "LSTM autoencoder"));
        assertEquals("19.84 31 2000-01-01 10:33:09 3 min 0 ch2", row(r[1], "PCA, Hotelling T²"));
        assertEquals("2.965 29 2000-01-01 10:33:19 3 min 0 ch1", row(r[1], "PCA, SPE (Q)"));
        assertEquals("151.6 24 2000-01-01 10:33:09 3 min 0 ch2", row(r[1], "Robust Mahalanobis (MCD)"));
        assertEquals("0.5827 26 2000-01-01 10:33:09 3 min 0 ch2", row(r[1], "Isolation forest"));
    }

    @Test
    void remainingLifeEvaluation() {
        String[] r = CliRunner.run("rul", data.toString(), "--train-fraction", "0.5", "--every", "0.02");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("first principal component of [ch2_crest, ch2_peak, ch2_p2p]"), r[1]);
        assertTrue(r[1].contains("degradation onset 2000-01-01 10:32:39 (acc_00493.csv)"), r[1]);
        assertTrue(r[1].contains("no forecast: none given"), "the last file is not taken for the failure: " + r[1]);
        String[] given = CliRunner.run(
                "rul", data.toString(), "--train-fraction", "0.5", "--every", "0.02", "--failure-threshold", "25.5");
        assertEquals("0", given[0], given[2]);
        List<String> lines =
                given[1].lines().filter(l -> l.startsWith("  2000-01-01 10:3")).toList();
        assertEquals(4, lines.size(), given[1]);
    }

    @Test
    void theReportNamesBearingOneForEitherChannel() throws Exception {
        Path out = dir.resolve("femto.html");
        String[] r = CliRunner.run(
                "report",
                data.toString(),
                "--train-fraction",
                "0.5",
                "--model",
                model.toString(),
                "-o",
                out.toString());
        assertEquals("0", r[0], r[2]);
        Document d = IncidentReportTest.parseStrict(Files.readString(out));
        String verdict = d.getElementById("verdict").text();
        assertTrue(
                verdict.contains(
                        "First sustained alarm: 2000-01-01 10:33:09 (acc_00496.csv), 3 min before the last file"),
                verdict);
        assertTrue(verdict.contains("ch2 (bearing 1) has the largest reconstruction error at that file"), verdict);
        // 0.1 s records (10 Hz bins): no defect series stands out at the alarm file, and the report says so
        assertTrue(verdict.contains("Physics: acc_00496.csv: ch2: none (no bearing defect evident)"), verdict);
    }
}
