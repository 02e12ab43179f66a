package org.bearingworkbench.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.DataSetSidecar;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PRONOSTIA and XJTU-SY layouts on files the test writes, their bad files, detection, and remembered settings. */
class FormatsTest {
    @TempDir
    Path dir;

    private static String femto(int hour, int minute, int second, String sep, boolean sciMicros, int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double us = 1000 + i * 39.0625;
            String micro = sciMicros
                    ? String.format(Locale.ROOT, "%.4e", us).replace("e+0", "e+0")
                    : Long.toString(Math.round(us));
            sb.append(hour)
                    .append(sep)
                    .append(minute)
                    .append(sep)
                    .append(second)
                    .append(sep)
                    .append(micro)
                    .append(sep)
                    .append(String.format(Locale.ROOT, "%.3f", 0.1 * Math.sin(i * 0.2)))
                    .append(sep)
                    .append(String.format(Locale.ROOT, "%.3f", 0.2 * Math.cos(i * 0.3)))
                    .append('\n');
        }
        return sb.toString();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static Map<String, String> reasons(ImportResult r) {
        return r.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
    }

    @Test
    void femtoIsReadInFileNumberOrderAcrossMidnightWithEitherSeparator() throws Exception {
        write("acc_00001.csv", femto(23, 59, 40, ",", false, 2560));
        write("acc_00002.csv", femto(23, 59, 50, ";", true, 2560));
        write("acc_00010.csv", femto(0, 0, 0, ",", true, 2560));
        write("acc_00003.csv", femto(23, 59, 55, ",", false, 2560)); // numeric order: 1, 2, 3, 10
        write("temp_00001.csv", "23;59;40;1;30.5\n");
        assertEquals("femto", Formats.detect(dir).id());
        ImportResult r = DataSets.open(dir, TaskContext.silent());
        assertEquals(List.of(), r.skipped());
        assertEquals(
                List.of("acc_00001.csv", "acc_00002.csv", "acc_00003.csv", "acc_00010.csv"),
                IntStream.range(0, 4).mapToObj(r.table()::file).toList());
        assertEquals(LocalDateTime.of(2000, 1, 2, 0, 0, 0, 1_000_000), r.table().timestamp(3));
        assertEquals(2, r.channels());
        assertEquals(25_600.0, r.description().sampleRateHz().value());
        assertEquals(ValueSource.FORMAT, r.description().sampleRateHz().source());
        assertEquals(2560, r.description().samplesPerSnapshot().value());
        assertEquals(
                OptionalInt.of(2),
                r.description().channelsPerBearing(),
                "horizontal and vertical of one bearing: which-bearing attribution names bearing 1 for both");
        double[] peak = r.table().column("ch1_peak");
        assertEquals(peak[0], peak[1], 1e-12, "a ';' file reads like a ',' file");
    }

    @Test
    void femtoBadFilesAreSkippedWithTheirReason() throws Exception {
        write("acc_00001.csv", femto(10, 0, 0, ",", false, 2560));
        write("acc_00002.csv", femto(10, 0, 10, ",", false, 2560));
        write("acc_00003.csv", "hour,minute,second,us,h,v\n" + femto(10, 0, 20, ",", false, 2560));
        write("acc_00004.csv", femto(10, 0, 30, ",", false, 2560).replaceAll("(?m),[^,\\n]*$", ""));
        write("acc_00005.csv", femto(10, 0, 40, ",", false, 1000));
        write("notes.txt", "hello");
        ImportResult r = DataSets.open(dir, TaskContext.silent());
        Map<String, String> why = reasons(r);
        assertEquals(2, r.table().rowCount(), why.toString());
        assertTrue(
                why.get("acc_00003.csv").startsWith("line 1: no hour, minute, second, microsecond clock"),
                why.toString());
        assertTrue(why.get("acc_00004.csv").contains("5 columns, expected 6"), why.toString());
        assertTrue(why.get("acc_00005.csv").startsWith("truncated: 1000 rows"), why.toString());
        assertEquals("not an acc_NNNNN.csv vibration file", why.get("notes.txt"));
    }

    private static String xjtu(int rows, boolean header) {
        StringBuilder sb = new StringBuilder(header ? "Horizontal_vibration_signals,Vertical_vibration_signals\n" : "");
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f%n", 0.3 * Math.sin(i * 0.1), -0.2 * Math.cos(i * 0.7)));
        }
        return sb.toString();
    }

    @Test
    void xjtuIsReadInNumericOrderOneMinuteApart() throws Exception {
        for (int n = 1; n <= 11; n++) {
            write(n + ".csv", xjtu(4096, true));
        }
        write("12.csv", xjtu(4096, false));
        write("13.csv", "Horizontal_vibration_signals,Vertical_vibration_signals\n0.1,0.2,0.3\n");
        assertEquals("xjtu-sy", Formats.detect(dir).id());
        ImportResult r = DataSets.open(dir, TaskContext.silent());
        Map<String, String> why = reasons(r);
        assertEquals(11, r.table().rowCount(), why.toString());
        assertEquals("10.csv", r.table().file(9));
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 9), r.table().timestamp(9), "file 10 is 9 minutes after file 1");
        assertTrue(why.get("12.csv").contains("no header"), why.toString());
        assertTrue(why.get("13.csv").contains("3 columns, expected 2"), why.toString());
        assertEquals(25_600.0, r.description().sampleRateHz().value());
        assertEquals(Duration.ofMinutes(1), r.description().interval().value());
        assertEquals("LDK UER204", r.description().bearing().value().name());
    }

    @Test
    void whatTheUserSaysIsAppliedAndRememberedInASidecar() throws Exception {
        for (int n = 1; n <= 3; n++) {
            write(n + ".csv", xjtu(4096, true));
        }
        ImportResult first =
                DataSets.open(dir, new UserSettings(null, null, 20_000.0, 2100.0, null, "m/s^2"), TaskContext.silent());
        assertEquals(20_000.0, first.description().sampleRateHz().value());
        assertEquals(ValueSource.USER, first.description().sampleRateHz().source());
        assertTrue(Files.readString(dir.resolve(DataSetSidecar.FILE_NAME)).contains("\"sample_rate_hz\" : 20000.0"));
        ImportResult again = DataSets.open(dir, TaskContext.silent());
        assertEquals(20_000.0, again.description().sampleRateHz().value(), "remembered");
        assertEquals("m/s^2", again.description().unit().value());
        assertEquals(2100.0 / 60, again.description().geometry().orElseThrow().shaftHz(), 1e-12);
    }

    @Test
    void aForcedFormatWins() throws Exception {
        write("2004.02.12.10.32.39", "0.1\t0.2\n0.3\t0.4\n");
        IllegalArgumentException e =
                Assertions.assertThrows(IllegalArgumentException.class, () -> Formats.require("matlab"));
        assertTrue(e.getMessage().contains("ims, femto, xjtu-sy"), e.getMessage());
        var r = Assertions.assertThrows(
                InputFormatException.class,
                () -> DataSets.open(
                        dir, new UserSettings("femto", null, null, null, null, null), TaskContext.silent()));
        assertTrue(r.getMessage().contains("no data files of the PRONOSTIA / FEMTO"), r.getMessage());
    }
}
