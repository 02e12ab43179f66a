package org.bearingworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident report on the real IMS test 2 with the study's Keras model (skipped without ../shared): the README's
 * numbers (first alarm, lead time, the bearing, BPFO on ch1 at the alarm file, T² ten minutes earlier) in a valid
 * document.
 */
class RealTest2ReportTest {
    @TempDir
    Path dir;

    @Test
    void theStudysRunGivesTheReadmesIncident() throws Exception {
        Path data = SharedData.imsTest2();
        Path out = dir.resolve("test2.html");
        String[] r = CliRunner.run(
                "report",
                data.toString(),
                "--keras-model",
                SharedData.file("seed-model/Cloud_model.h5").toString(),
                "--scaler",
                SharedData.file("seed-model/scaler_params.json").toString(),
                "--train-until",
                "2004-02-15 12:52:39",
                "-o",
                out.toString());
        assertEquals("0", r[0], r[2]);
        Document d = IncidentReportTest.parseStrict(Files.readString(out));
        String verdict = d.getElementById("verdict").text();
        assertTrue(
                verdict.contains("First sustained alarm: 2004-02-16 03:42:39 (2004.02.16.03.42.39), 74.7 h before "
                        + "the last file"),
                verdict);
        assertTrue(
                verdict.contains("ch1 (bearing 1) has the largest reconstruction error at that file (59% of it)"),
                verdict);
        assertTrue(
                verdict.contains("First to leave its training range for good: ch1 (bearing 1) at 2004-02-16 03:12:39"),
                verdict);
        assertTrue(verdict.contains("Physics: 2004.02.16.03.42.39: ch1: BPFO (outer race)"), verdict);
        Element compare = d.getElementById("detectors").nextElementSibling();
        List<String> t2 = compare.select("tr").get(2).children().eachText();
        assertEquals(
                List.of("PCA, Hotelling T²", "12.91", "454", "2004-02-16 03:32:39", "74.8 h", "0", "ch1"),
                t2.subList(0, 7));
        String life = d.getElementById("life").parent().text();
        assertTrue(
                life.contains("Onset 2004-02-16 03:52:39; no forecast: none given"),
                "no hindsight failure level: " + life);
    }
}
