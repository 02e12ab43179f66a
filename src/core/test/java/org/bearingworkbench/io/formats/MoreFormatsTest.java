package org.bearingworkbench.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.pipeline.DataSetPreview;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generic delimited files, WAV snapshots, long recordings and MATLAB files, with their bad inputs. */
class MoreFormatsTest {
    @TempDir
    Path dir;

    private static Map<String, String> reasons(ImportResult r) {
        return r.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
    }

    private static UserSettings settings(String format, String layout, Double fs) {
        return new UserSettings(format, layout, fs, null, null, null);
    }

    private static double signal(int i, int c) {
        return 0.25 * Math.sin(i * 0.05 * (c + 1)) + 0.01 * c;
    }

    // ---- delimited ----

    private void loggerFile(String name, int rows, String sep, boolean decimalComma, boolean header) throws Exception {
        StringBuilder sb = new StringBuilder("# logger v2, unit g\n");
        if (header) {
            sb.append(String.join(sep, "time_s", "acc_x", "acc_y")).append('\n');
        }
        for (int i = 0; i < rows; i++) {
            String line =
                    String.format(Locale.ROOT, "%.5f%s%.5f%s%.5f", i / 1000.0, sep, signal(i, 0), sep, signal(i, 1));
            sb.append(decimalComma ? line.replace('.', ',') : line).append('\n');
        }
        Files.writeString(dir.resolve(name), sb.toString(), StandardCharsets.US_ASCII);
    }

    @Test
    void delimitedLoggerFilesReadWithTheUsersColumnsAndNameTimes() throws Exception {
        loggerFile("run_20240102_100000.csv", 2000, ",", false, true);
        loggerFile("run_20240102_101000.csv", 2000, ";", true, true);
        loggerFile("run_20240102_102000.csv", 2000, "\t", false, true);
        loggerFile("run_20240102_103000.csv", 2000, ",", false, false);
        Files.writeString(dir.resolve("run_badname.csv"), "1,2,3\n");
        ImportResult r = DataSets.open(
                dir,
                settings("delimited", "columns=2,3;time=name:'run_'yyyyMMdd_HHmmss", 1000.0),
                TaskContext.silent());
        Map<String, String> why = reasons(r);
        assertEquals(4, r.table().rowCount(), why.toString());
        assertEquals(LocalDateTime.of(2024, 1, 2, 10, 10), r.table().timestamp(1));
        assertTrue(why.get("run_badname.csv").contains("name does not match the time pattern"), why.toString());
        assertEquals(2, r.channels());
        double[] peak = r.table().column("ch2_peak");
        for (int i = 1; i < 4; i++) {
            assertEquals(peak[0], peak[i], 1e-12, "every delimiter, decimal mark and header reads the same");
        }
        assertEquals(1000.0, r.description().sampleRateHz().value());
        assertEquals(ValueSource.USER, r.description().sampleRateHz().source());
        assertEquals("acc_y", r.description().channels().get(1).label(), "the header names column 3");
    }

    @Test
    void delimitedFilesByOrderAndTheirBadInput() throws Exception {
        for (int i = 1; i <= 3; i++) {
            loggerFile("s" + i + ".txt", 1000, "\t", false, false);
        }
        loggerFile("s10.txt", 1000, "\t", false, false);
        Files.writeString(dir.resolve("s11.txt"), "0.1\t0.2\n0.3\n");
        ImportResult r =
                DataSets.open(dir, settings("delimited", "columns=2,3;time=order:10s", 1000.0), TaskContext.silent());
        assertEquals(4, r.table().rowCount(), r.skipped().toString());
        assertEquals("s10.txt", r.table().file(3), "natural order: s10 after s3");
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0, 30), r.table().timestamp(3));
        assertTrue(reasons(r).get("s11.txt").contains("columns"), r.skipped().toString());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DataSets.open(dir, settings("delimited", "columns=0", 1000.0), TaskContext.silent()));
        assertTrue(e.getMessage().contains("1-based"), e.getMessage());
        var t = assertThrows(
                IllegalArgumentException.class,
                () -> DataSets.open(dir, settings("delimited", "time=sometimes", 1000.0), TaskContext.silent()));
        assertTrue(t.getMessage().contains("name:PATTERN, mtime or order:INTERVAL"), t.getMessage());
    }

    // ---- WAV ----

    static byte[] wav(int channels, int rate, int bits, boolean floating, int frames) {
        int bytes = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double v = signal(f, c);
                if (floating) {
                    data.putFloat((float) v);
                } else if (bits == 16) {
                    data.putShort((short) Math.round(v * 32767));
                } else if (bits == 24) {
                    int s = (int) Math.round(v * 8388607);
                    data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                } else {
                    data.putInt((int) Math.round(v * 2147483647.0));
                }
            }
        }
        ByteBuffer head = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + data.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) (floating ? 3 : 1))
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bytes)
                .putShort((short) (channels * bytes))
                .putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    @Test
    void wavSnapshotsOfEveryEncodingReadTheSameSignal() throws Exception {
        Files.write(dir.resolve("a1.wav"), wav(2, 25600, 16, false, 4096));
        Files.write(dir.resolve("a2.wav"), wav(2, 25600, 24, false, 4096));
        Files.write(dir.resolve("a3.wav"), wav(2, 25600, 32, false, 4096));
        Files.write(dir.resolve("a4.wav"), wav(2, 25600, 32, true, 4096));
        byte[] broken = wav(2, 25600, 16, false, 4096);
        broken[34] = 13; // 13 bits per sample
        Files.write(dir.resolve("a5.wav"), broken);
        Files.write(dir.resolve("a6.wav"), "RIFF....not a wave".getBytes(StandardCharsets.US_ASCII));
        assertEquals("wav", Formats.detect(dir).id());
        ImportResult r = DataSets.open(dir, settings("wav", "time=order:1min", null), TaskContext.silent());
        Map<String, String> why = reasons(r);
        assertEquals(4, r.table().rowCount(), why.toString());
        assertTrue(why.get("a5.wav").contains("broken WAV header (13 bits"), why.toString());
        assertTrue(why.get("a6.wav").contains("not a WAV file"), why.toString());
        assertEquals(25600.0, r.description().sampleRateHz().value());
        assertEquals(ValueSource.FORMAT, r.description().sampleRateHz().source());
        double[] rms = r.table().column("ch1_rms");
        for (int i = 1; i < 4; i++) {
            assertEquals(rms[3], rms[i], 2e-4 * rms[3], "encoding " + i);
        }
    }

    // ---- recordings ----

    @Test
    void aLongWavRecordingIsSplitIntoSnapshots() throws Exception {
        Path rec = Files.write(dir.resolve("rec.wav"), wav(1, 1000, 16, false, 10_500));
        ImportResult r = DataSets.open(rec, settings("recording", "snapshot=1s;every=2s", null), TaskContext.silent());
        assertEquals(5, r.table().rowCount(), "snapshots at 0, 2, 4, 6, 8 s (10 s needs 11 s of data)");
        assertEquals("rec.wav#4", r.table().file(4));
        assertEquals(1000, r.table().sampleRows(0));
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0, 8), r.table().timestamp(4));
        var again = r.rawSource().orElseThrow().read("rec.wav#2", r.table().timestamp(2), new SnapshotReader());
        assertEquals(1000, again.rows());
        assertEquals(signal(4000, 0), again.channel(0)[0], 1.0 / 32767);
    }

    @Test
    void aLongTextRecordingIsIndexedAndSplitIntoSnapshots() throws Exception {
        StringBuilder sb = new StringBuilder("acc_x,acc_y\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f%n", signal(i, 0), signal(i, 1)));
        }
        Path rec = Files.writeString(dir.resolve("rec.csv"), sb.toString());
        var noRate = assertThrows(
                InputFormatException.class,
                () -> DataSets.open(rec, settings("recording", "snapshot=0.5s", null), TaskContext.silent()));
        assertTrue(noRate.getMessage().contains("give --sample-rate"), noRate.getMessage());
        ImportResult r =
                DataSets.open(rec, settings("recording", "snapshot=0.5s;every=1s", 1000.0), TaskContext.silent());
        assertEquals(5, r.table().rowCount(), r.skipped().toString());
        assertEquals(500, r.table().sampleRows(4));
        var view = r.rawSource().orElseThrow().read("rec.csv#3", r.table().timestamp(3), new SnapshotReader());
        assertEquals(signal(3000, 1), view.channel(1)[0], 1e-6);
        assertEquals(signal(3499, 1), view.channel(1)[499], 1e-6);
        var plain = assertThrows(
                InputFormatException.class, () -> DataSets.open(dir.resolve("rec.wav2.wav"), TaskContext.silent()));
        assertTrue(plain.getMessage().contains("no such file"), plain.getMessage());
    }

    // ---- MATLAB ----

    private void copyMat(String name) throws Exception {
        Files.copy(
                SampleData.root().resolve("src/core/test/resources/formats/mat").resolve(name), dir.resolve(name));
    }

    @Test
    void matFilesWrittenByScipyReadInTheCwruLayout() throws Exception {
        copyMat("cwru-like-v5.mat");
        copyMat("cwru-like-v7-compressed.mat");
        copyMat("no-numeric-vectors.mat");
        copyMat("truncated.mat");
        assertEquals("mat", Formats.detect(dir).id());
        ImportResult r = DataSets.open(dir, settings("mat", "time=order:10s", 12_000.0), TaskContext.silent());
        Map<String, String> why = reasons(r);
        assertEquals(2, r.table().rowCount(), why.toString());
        int v5 = r.table().file(0).contains("v5") ? 0 : 1;
        assertEquals(0.06387318173340484, r.table().column("ch1_mean_abs")[v5], 1e-15);
        assertEquals(0.05, r.table().column("ch2_peak")[v5], 1e-15);
        assertEquals(2 * 0.06387318173340484, r.table().column("ch1_mean_abs")[1 - v5], 1e-14);
        assertTrue(why.get("no-numeric-vectors.mat").contains("no numeric vectors"), why.toString());
        assertTrue(why.get("truncated.mat").contains("not a readable MATLAB v5/v7 file"), why.toString());
        assertEquals(
                List.of("X097_DE_time", "X097_FE_time"),
                r.description().channels().stream().map(c -> c.label()).toList());
        assertEquals(1796.0, r.description().rpm().value());
        var preview = DataSetPreview.of(dir, settings("mat", "time=order:10s", null));
        assertTrue(
                preview.rawHead().stream().anyMatch(l -> l.startsWith("X097_DE_time: 4096 x 1")),
                preview.rawHead().toString());
        assertEquals(List.of("bearing"), preview.missing(), "the sample rate given above was remembered");
        ImportResult fe = DataSets.open(
                dir, settings("mat", "variables=X097_FE_time;time=order:10s", 12_000.0), TaskContext.silent());
        assertEquals(1, fe.channels());
        var missing = assertThrows(
                InputFormatException.class,
                () -> DataSets.open(dir, settings("mat", "variables=X097_BA_time", 12_000.0), TaskContext.silent()));
        assertTrue(missing.getMessage().contains("no numeric vector 'X097_BA_time'"), missing.getMessage());
    }
}
