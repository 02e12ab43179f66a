package org.bearingworkbench.cli;

import static org.bearingworkbench.cli.FeaturesCommandTest.runCapturing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bearingworkbench.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No NaN or Infinity passes silently, and no misread is reported as a result. */
class NonFiniteAndSilentMisreadTest {
    @TempDir
    Path dir;

    private Path csv(String name, double a, double b, int rows) throws Exception {
        StringBuilder sb = new StringBuilder("timestamp,ch1_mean_abs,ch2_mean_abs\n");
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(
                    Locale.ROOT, "2004-02-12 %02d:%02d:39,%s,%s%n", i / 60, i % 60, i % 2 == 0 ? a : -a, b));
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void trainingOnValuesWhoseRangeOverflowsIsRefusedAndNoModelIsSaved() throws Exception {
        Path in = csv("huge.csv", 1.7e308, 0.2, 40);
        Path m = dir.resolve("m.bwm");
        String[] r = runCapturing("train", in.toString(), "--epochs", "2", "-o", m.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("cannot train: column ch1_mean_abs spans -1.7E308 .. 1.7E308"), r[2]);
        assertFalse(Files.exists(m));
        String[] run = runCapturing(
                "run", in.toString(), "--epochs", "2", "-o", dir.resolve("out").toString());
        assertEquals("1", run[0]);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void scoringARowTheModelCannotComputeIsAnErrorNotNoAlarm() throws Exception {
        Path features = dir.resolve("f.csv");
        assertEquals("0", runCapturing("features", SampleData.DIR.toString(), "-o", features.toString())[0]);
        Path m = dir.resolve("m.bwm");
        assertEquals("0", runCapturing("train", features.toString(), "--epochs", "2", "-o", m.toString())[0]);
        List<String> lines = new ArrayList<>(Files.readAllLines(features));
        String[] cells = lines.get(150).split(",");
        cells[3] = "1e308";
        lines.set(150, String.join(",", cells));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);
        String[] r = runCapturing(
                "score",
                bad.toString(),
                "--model",
                m.toString(),
                "-o",
                dir.resolve("r.csv").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("cannot score row 150"), r[2]);
        assertTrue(r[2].contains("ch1_mean_abs = 1.0E308 is far beyond the model's training range"), r[2]);
        assertFalse(Files.exists(dir.resolve("r.csv")));
    }

    @Test
    void aThresholdOfZeroIsNeverSavedAsAModel() throws Exception {
        StringBuilder constant = new StringBuilder("timestamp,ch1_mean_abs,ch2_mean_abs\n");
        for (int i = 0; i < 60; i++) {
            constant.append(String.format(Locale.ROOT, "2004-02-12 00:%02d:39,0.5,0.5%n", i));
        }
        Path in = Files.writeString(dir.resolve("constant.csv"), constant.toString());
        Path out = dir.resolve("out");
        String[] r = runCapturing("run", in.toString(), "--epochs", "2", "-o", out.toString());
        assertEquals("1", r[0], "constant rows are reconstructed exactly: every training score is 0");
        assertTrue(r[2].contains("the threshold method robust:3 gives 0.0 on the 27 training scores"), r[2]);
        assertTrue(r[2].contains("no threshold can be fitted; give --threshold"), r[2]);
        assertFalse(Files.exists(out), "nothing saved");
        String[] manual =
                runCapturing("run", in.toString(), "--epochs", "2", "--threshold", "0.1", "-o", out.toString());
        assertEquals("0", manual[0], manual[2]);
        String[] score = runCapturing(
                "score",
                in.toString(),
                "--model",
                out.resolve("model.bwm").toString(),
                "-o",
                dir.resolve("r.csv").toString());
        // a model of constant columns scales every row to one input: it could never flag one, so it is refused
        assertEquals("1", score[0], score[2]);
        assertTrue(score[2].contains("the scaler has min = max for every column"), score[2]);
    }

    @Test
    void skippedFilesAreListedByTrainAndScoreAndRecordedInTheReport() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (var files = Files.list(SampleData.DIR)) {
            for (Path p : files.toList()) {
                Files.copy(p, data.resolve(p.getFileName()));
            }
        }
        Files.writeString(data.resolve("2004.02.12.10.32.39"), "0,050\tabc\n");
        Path m = dir.resolve("m.bwm");
        String[] t = runCapturing("train", data.toString(), "--epochs", "1", "-o", m.toString());
        assertEquals("0", t[0], t[2]);
        assertTrue(t[2].contains("skipped 2004.02.12.10.32.39: line 1: 'abc' is not a number"), t[2]);
        Path report = dir.resolve("r.csv");
        String[] s = runCapturing("score", data.toString(), "--model", m.toString(), "-o", report.toString());
        assertEquals("0", s[0], s[2]);
        assertTrue(s[2].contains("skipped 2004.02.12.10.32.39"), s[2]);
        String text = Files.readString(report);
        assertTrue(text.contains("# skipped_files: 1 (not in the rows below)\n"), text.substring(0, 600));
        assertTrue(text.contains("# skipped: 2004.02.12.10.32.39: line 1: 'abc' is not a number\n"));
    }

    @Test
    void envelopeRefusesAFlatChannelAShortFileAndABadBand() throws Exception {
        StringBuilder flat = new StringBuilder();
        Random noise = new Random(1);
        for (int i = 0; i < 4096; i++) {
            flat.append("0.0\t").append(noise.nextGaussian()).append('\n');
        }
        Path f = Files.writeString(dir.resolve("flat"), flat.toString());
        String[] a = runCapturing("envelope", f.toString(), "--channel", "1");
        assertEquals("1", a[0]);
        assertTrue(a[2].contains("flat ch1: the signal is flat (every sample is 0.0)"), a[2]);
        assertFalse(a[1].contains("strongest defect match"), a[1]);
        Path shortFile = Files.writeString(dir.resolve("short"), "0.1\n0.2\n0.3\n0.1\n0.2\n0.1\n0.4\n0.2\n0.1\n0.3\n");
        String[] b = runCapturing("envelope", shortFile.toString());
        assertEquals("1", b[0]);
        assertTrue(b[2].contains("only 10 samples"), b[2]);
        String[] c = runCapturing("envelope", f.toString(), "--channel", "2", "--band", "abc-def");
        assertEquals("1", c[0]);
        assertTrue(c[2].contains("--band: 'abc-def' is not a band: give auto, whitened, kurtogram or LOW-HIGH"), c[2]);
        assertFalse(c[2].contains("NumberFormatException") || c[2].contains("For input string"), c[2]);
        String[] d = runCapturing("envelope", f.toString(), "--channel", "2");
        assertEquals("0", d[0], d[2]);
        assertTrue(d[1].contains("verdict: none (no bearing defect evident)"), d[1]);
    }

    @Test
    void decimalCommaFilesAreReadAsTheirChannelsNotTwiceAsMany() throws Exception {
        Path data = Files.createDirectory(dir.resolve("comma"));
        for (int f = 0; f < 3; f++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                sb.append(String.format(Locale.GERMANY, "%.3f\t%.3f\t%.3f\t%.3f%n", 0.05 + f, -0.104, 0.2, 0.3));
            }
            Files.writeString(data.resolve(String.format("2004.02.12.10.%02d.39", f * 10)), sb.toString());
        }
        Path out = dir.resolve("f.csv");
        String[] r = runCapturing("features", data.toString(), "-o", out.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"channels\":4"), r[1]);
        assertTrue(
                Files.readAllLines(out).get(1).contains(",0.05,"),
                Files.readAllLines(out).get(1));
    }
}
