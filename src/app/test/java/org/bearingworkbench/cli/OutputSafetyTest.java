package org.bearingworkbench.cli;

import static org.bearingworkbench.cli.FeaturesCommandTest.runCapturing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bearingworkbench.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs never replace inputs, leave no debris, appear as a whole, and fail with what, where and why. */
class OutputSafetyTest {
    @TempDir
    static Path shared;

    private static Path features;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws Exception {
        features = shared.resolve("features.csv");
        String[] f = runCapturing("features", SampleData.DIR.toString(), "-o", features.toString());
        assertEquals("0", f[0], f[2]);
        model = shared.resolve("m.bwm");
        String[] t = runCapturing("train", features.toString(), "--epochs", "2", "-o", model.toString());
        assertEquals("0", t[0], t[2]);
    }

    private Path copyOfFeatures() throws Exception {
        return Files.copy(features, dir.resolve("in.csv"));
    }

    @Test
    void scoreRefusesToWriteItsReportOverTheInput() throws Exception {
        Path in = copyOfFeatures();
        byte[] before = Files.readAllBytes(in);
        String[] r = runCapturing("score", in.toString(), "--model", model.toString(), "-o", in.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("refusing to write " + in + ": it is the input"), r[2]);
        assertTrue(Arrays.equals(before, Files.readAllBytes(in)));
    }

    @Test
    void trainRefusesToWriteOverTheInputAlsoThroughALink() throws Exception {
        Path in = copyOfFeatures();
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        byte[] before = Files.readAllBytes(in);
        String[] r = runCapturing("train", in.toString(), "--epochs", "1", "-o", link.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("it is the input"), r[2]);
        assertFalse(r[2].contains("epoch"), "refused before training: " + r[2]);
        String[] m = runCapturing("score", in.toString(), "--model", model.toString(), "-o", model.toString());
        assertEquals("1", m[0]);
        assertTrue(m[2].contains("it is the input " + model), m[2]);
        assertTrue(Arrays.equals(before, Files.readAllBytes(in)));
    }

    @Test
    void staleTempFilesOfAKilledWriterAreRemovedOnTheNextWrite() throws Exception {
        Path report = dir.resolve("report.csv");
        Path deadPid = Files.writeString(dir.resolve(".report.csv.2147483646.123.tmp"), "half");
        Path oldStyle = Files.writeString(dir.resolve(".report.csv8812345.tmp"), "half");
        Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minusSeconds(7200)));
        Path other = Files.writeString(dir.resolve(".other.csv.2147483646.1.tmp"), "not ours to clean");
        String[] r = runCapturing("score", features.toString(), "--model", model.toString(), "-o", report.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(Files.exists(deadPid));
        assertFalse(Files.exists(oldStyle));
        assertTrue(Files.exists(other));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(".other.csv.2147483646.1.tmp", "report.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void runReplacesItsOutputSetAsAWholeAndRefusesForeignFolders() throws Exception {
        Path out = dir.resolve("out");
        String[] a = runCapturing("run", features.toString(), "--epochs", "2", "-o", out.toString());
        assertEquals("0", a[0], a[2]);
        Path leftover = Files.createDirectory(dir.resolve(".out.staging-2147483646"));
        String before = Files.readString(out.resolve("summary.txt"));
        String[] b = runCapturing("run", features.toString(), "--epochs", "3", "-o", out.toString());
        assertEquals("0", b[0], b[2]);
        assertTrue(Files.readString(out.resolve("summary.txt")).contains("3 epochs"));
        assertFalse(before.contains("3 epochs"));
        assertFalse(Files.exists(leftover), "a killed run's staging folder is removed");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("out"), files.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("features.csv", "model.bwm", "report.csv", "summary.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        String[] c = runCapturing("run", features.toString(), "--epochs", "2", "-o", out.toString());
        assertEquals("1", c[0]);
        assertTrue(c[2].contains("cannot use " + out + " as output folder: it holds other files (notes.txt)"), c[2]);
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void runRefusesAnOutputFolderThatHoldsTheInput() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.copy(features, data.resolve("f.csv"));
        String[] r = runCapturing("run", data.resolve("f.csv").toString(), "--epochs", "1", "-o", data.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("the input"), r[2]);
        assertTrue(Files.exists(data.resolve("f.csv")));
    }

    @Test
    void unwritablePlacesAreNamedWithTheReason() throws Exception {
        String[] a =
                runCapturing("score", features.toString(), "--model", model.toString(), "-o", "/proc/x/report.csv");
        assertTrue(a[2].contains("cannot write /proc/x/report.csv: folder /proc/x does not exist"), a[2]);
        String[] b = runCapturing("score", features.toString(), "--model", model.toString(), "-o", "/proc/report.csv");
        assertTrue(b[2].contains("cannot write /proc/report.csv: folder /proc does not take new files"), b[2]);
        String[] c = runCapturing("run", features.toString(), "-o", "/proc/x");
        assertTrue(
                c[2].contains("cannot create output folder /proc/x: /proc does not take new folders")
                        || c[2].contains("/proc/x"),
                c[2]);
        assertTrue(c[2].length() > "error: /proc/x\n".length(), c[2]);
        Path file = Files.writeString(dir.resolve("afile"), "x");
        String[] d = runCapturing("run", features.toString(), "-o", file.toString());
        assertTrue(d[2].contains("cannot use " + file + " as output folder: it is a file"), d[2]);
        String[] e = runCapturing("score", features.toString(), "--model", model.toString(), "-o", dir.toString());
        assertTrue(e[2].contains("cannot write " + dir + ": it is a folder"), e[2]);
        for (String[] r : List.of(a, b, c, d, e)) {
            assertEquals("1", r[0]);
            assertFalse(r[2].contains(".tmp"), "no temp names in messages: " + r[2]);
        }
    }

    @Test
    void optionsAreCheckedBeforeAnyWork() throws Exception {
        String[] t = runCapturing(
                "train",
                features.toString(),
                "--epochs",
                "1",
                "-o",
                dir.resolve("no/m.bwm").toString());
        assertEquals("1", t[0]);
        assertTrue(t[2].contains("folder " + dir.resolve("no") + " does not exist"), t[2]);
        assertFalse(t[2].contains("epoch"), t[2]);
        Path out = dir.resolve("out");
        String[] f = runCapturing("run", features.toString(), "--train-fraction", "2", "-o", out.toString());
        assertEquals("1", f[0]);
        assertTrue(f[2].contains("train fraction"), f[2]);
        String[] p = runCapturing("run", features.toString(), "--persistence", "4/3", "-o", out.toString());
        assertTrue(p[2].contains("persistence"), p[2]);
        String[] m = runCapturing("run", dir.resolve("missing").toString(), "-o", out.toString());
        assertTrue(m[2].contains("no such file or directory"), m[2]);
        assertFalse(Files.exists(out), "nothing created for a refused run");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void channelsPerBearingMustDivideTheChannels() throws Exception {
        String[] r = runCapturing(
                "score",
                features.toString(),
                "--model",
                model.toString(),
                "--channels-per-bearing",
                "3",
                "-o",
                dir.resolve("r.csv").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("--channels-per-bearing 3 does not divide the 4 channels"), r[2]);
    }

    @Test
    void aTrainUntilAfterTheLastRowIsSaid() throws Exception {
        String[] r = runCapturing(
                "train",
                features.toString(),
                "--epochs",
                "1",
                "--train-until",
                "2030-01-01 00:00:00",
                "-o",
                dir.resolve("m.bwm").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("note: the split (until 2030-01-01 00:00) is at or after the last row"), r[2]);
        assertTrue(r[2].contains("none is left to test"), r[2]);
    }
}
