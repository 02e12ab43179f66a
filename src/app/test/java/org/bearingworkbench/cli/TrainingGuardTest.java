package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One extreme sample in one training file is set apart, named, and does not change the model's alarm. */
class TrainingGuardTest {
    @TempDir
    Path dir;

    @Test
    void aSample1e308InATrainingFileIsSetApartAndTheAlarmStays() throws Exception {
        Path clean = copy("clean");
        Path broken = copy("broken");
        Path file = broken.resolve("2025.03.01.10.00.00.gz"); // inside the training range (until 19:50)
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int cut = text.indexOf('\t');
        String hostile = "1e308" + text.substring(cut);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(hostile.getBytes(StandardCharsets.US_ASCII));
        }
        String[] a = CliRunner.run(
                "run",
                clean.toString(),
                "--epochs",
                "20",
                "--json",
                "-o",
                dir.resolve("a").toString());
        String[] b = CliRunner.run(
                "run",
                broken.toString(),
                "--epochs",
                "20",
                "--json",
                "-o",
                dir.resolve("b").toString());
        assertEquals("0", a[0], a[2]);
        assertEquals("0", b[0], b[2]);
        var ja = new ObjectMapper().readTree(a[1].lines().reduce((x, y) -> y).orElseThrow());
        var jb = new ObjectMapper().readTree(b[1].lines().reduce((x, y) -> y).orElseThrow());
        assertEquals(
                ja.get("sensor_problem_rows").asInt() + 1,
                jb.get("sensor_problem_rows").asInt());
        String summary = Files.readString(dir.resolve("b").resolve("summary.txt"));
        assertTrue(
                summary.contains("2025.03.01.10.00.00") && summary.contains("a data problem"),
                "the snapshot set apart is listed with its reason: " + summary);
        assertEquals(ja.get("first_alarm").asText(), jb.get("first_alarm").asText());
        assertEquals(ja.get("top_channel").asText(), jb.get("top_channel").asText());
    }

    private Path copy(String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(SampleData.DIR)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
