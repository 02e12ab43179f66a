package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.io.FeatureCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect indicators as model and detector columns on a directory run, with the data set's description kept. */
class DefectColumnsTest {
    @TempDir
    Path dir;

    @Test
    void compareAndRunTakeDefectIndicatorsOnADirectory() throws Exception {
        String[] compare = CliRunner.run("compare", SampleData.DIR.toString(), "--columns", "ch*_bpfo,*_mean_abs");
        assertEquals("0", compare[0], compare[2]);
        assertTrue(compare[1].contains("features [ch1_bpfo, ch2_bpfo, ch3_bpfo, ch4_bpfo, ch1_mean_abs"), compare[1]);
        Path out = dir.resolve("out");
        String[] run = CliRunner.run(
                "run",
                SampleData.DIR.toString(),
                "--columns",
                "ch1_bpfo,ch1_mean_abs",
                "--epochs",
                "3",
                "-o",
                out.toString());
        assertEquals("0", run[0], run[2]);
        List<String> header =
                List.of(Files.readAllLines(out.resolve("features.csv")).get(0).split(","));
        assertTrue(header.contains("ch1_bpfo") && header.contains("ch4_ftf"), header.toString());
        assertEquals(160, FeatureCsv.read(out.resolve("features.csv")).rowCount());
        String[] score = CliRunner.run(
                "score",
                SampleData.DIR.toString(),
                "--model",
                out.resolve("model.bwm").toString(),
                "-o",
                dir.resolve("scored.csv").toString());
        assertEquals("0", score[0], "a model on defect indicators scores a directory: " + score[2]);
    }
}
