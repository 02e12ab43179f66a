package org.bearingworkbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.MatFixtures;
import org.bearingworkbench.signal.diagnosis.SyntheticBearingSignal;
import org.bearingworkbench.signal.diagnosis.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;

/** Files diagnosed one by one, each with its own length, sample rate and shaft speed, as the commands do. */
class FileDiagnosesTest {
    static final BearingDesign B6205 = new BearingDesign("custom bearing", 9, 0.3126, 1.537, 0);
    static final BearingDesign NICE = new BearingDesign("custom bearing", 8, 0.235, 1.245, 0);

    @TempDir
    Path dir;

    static FileDiagnoses.Request request(BearingDesign b, Double fs, String channels) {
        return new FileDiagnoses.Request(
                new UserSettings(null, null, fs, null, b, null), channels, false, Diagnoser.defaults());
    }

    /** A folder in the drive-end benchmark's layout: unequal lengths, DE/FE/BA vectors, an RPM scalar on most. */
    Path rigFolder() throws Exception {
        Path rig = Files.createDirectory(dir.resolve("rig"));
        Object[][] files = {
            {"Normal_0.mat", 97, Verdict.NONE, 1797.0, 24_200},
            {"IR007_0.mat", 105, Verdict.BPFI, 1797.0, 24_253},
            {"B007_1.mat", 118, Verdict.BSF, 1772.0, 24_600},
            {"OR007@6_2.mat", 130, Verdict.BPFO, 1750.0, 24_400},
        };
        for (Object[] f : files) {
            double rpm = (Double) f[3];
            BearingGeometry g = B6205.at(rpm);
            int id = (Integer) f[1];
            double[] de =
                    new SyntheticBearingSignal((Verdict) f[2], g, 12_000, (Integer) f[4] / 12_000.0, 2, id).samples();
            double[] fe =
                    new SyntheticBearingSignal(Verdict.NONE, g, 12_000, (Integer) f[4] / 12_000.0, 0, id + 1).samples();
            double[] ba =
                    new SyntheticBearingSignal(Verdict.NONE, g, 12_000, (Integer) f[4] / 12_000.0, 0, id + 2).samples();
            MatFixtures.rigFile(rig.resolve((String) f[0]), id, de, fe, ba, rpm);
        }
        return rig;
    }

    @Test
    void aFolderOfUnequalLengthsIsDiagnosedFileByFileOnTheChannelARoleNames() throws Exception {
        Path rig = rigFolder();
        List<SkippedFile> skipped = new ArrayList<>();
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(rig, request(B6205, 12_000.0, "DE"), skipped);
        assertEquals(List.of(), skipped);
        assertEquals(4, rows.size());
        for (FileDiagnoses.Row r : rows) {
            assertTrue(r.channelLabel().endsWith("_DE_time"), r.channelLabel());
            assertEquals("the file's X" + r.channelLabel().substring(1, 4) + "RPM", r.rpmSource());
            Verdict expected = r.file().startsWith("Normal")
                    ? Verdict.NONE
                    : r.file().startsWith("IR") ? Verdict.BPFI : r.file().startsWith("B") ? Verdict.BSF : Verdict.BPFO;
            assertEquals(
                    expected,
                    r.diagnosis().verdict(),
                    r.file() + ": " + r.diagnosis().sentence("DE"));
        }
        assertEquals(
                Map.of("Normal_0.mat", 24_200, "IR007_0.mat", 24_253, "B007_1.mat", 24_600, "OR007@6_2.mat", 24_400),
                rows.stream().collect(Collectors.toMap(FileDiagnoses.Row::file, FileDiagnoses.Row::samples)),
                "each file keeps its own length");
        FileDiagnoses.Row byName = FileDiagnoses.of(
                        rig.resolve("IR007_0.mat"), request(B6205, 12_000.0, "X105_FE_time"), skipped)
                .get(0);
        assertEquals(2, byName.channel());
    }

    @Test
    void theSameDefectOnTwoChannelsSaysWhereItIsStronger() throws Exception {
        BearingGeometry g = B6205.at(1797);
        double[] strong = new SyntheticBearingSignal(Verdict.BPFO, g, 12_000, 2, 4, 21).samples();
        double[] weak = new SyntheticBearingSignal(Verdict.BPFO, g, 12_000, 2, 1.5, 22).samples();
        double[] none = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, 2, 0, 23).samples();
        Path f = MatFixtures.rigFile(dir.resolve("two.mat"), 200, weak, strong, none, 1797);
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(f, request(B6205, 12_000.0, null), new ArrayList<>());
        assertEquals(
                List.of(Verdict.BPFO, Verdict.BPFO, Verdict.NONE),
                rows.stream().map(r -> r.diagnosis().verdict()).toList());
        assertTrue(
                rows.get(0).diagnosis().reason().contains("the same BPFO series is stronger on ch2"),
                rows.get(0).diagnosis().reason());
        assertFalse(
                rows.get(1).diagnosis().reason().contains("stronger on"),
                rows.get(1).diagnosis().reason());
    }

    @Test
    void aFileHoldingTwoRecordingsIsReadAsTheOneItsSpeedBelongsTo() throws Exception {
        // the benchmark's healthy files hold X098_DE_time and X098_FE_time beside X099_DE_time, X099_FE_time, X099RPM
        BearingGeometry g = B6205.at(1797);
        double[] a = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, 2, 0, 1).samples();
        double[] b = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, 3, 0, 2).samples();
        Path f = dir.resolve("99.mat");
        Mat5.writeToFile(
                Mat5.newMatFile()
                        .addArray("X098_DE_time", MatFixtures.column(a))
                        .addArray("X098_FE_time", MatFixtures.column(a))
                        .addArray("X099_DE_time", MatFixtures.column(b))
                        .addArray("X099_FE_time", MatFixtures.column(b))
                        .addArray("X099RPM", Mat5.newScalar(1797)),
                f.toFile());
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(f, request(B6205, 12_000.0, "DE"), new ArrayList<>());
        assertEquals(1, rows.size());
        assertEquals("X099_DE_time", rows.get(0).channelLabel());
        assertEquals(36_000, rows.get(0).samples());
        assertEquals(
                Verdict.NONE,
                rows.get(0).diagnosis().verdict(),
                rows.get(0).diagnosis().sentence("DE"));
    }

    @Test
    void aFileWithoutAShaftSpeedIsUnknownAndTheReasonSaysHowToGiveOne() throws Exception {
        BearingGeometry g = B6205.at(1797);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 12_000, 2, 2, 5).samples();
        Path f = MatFixtures.rigFile(dir.resolve("OR021@6_0.mat"), 234, x, x, x, 0);
        FileDiagnoses.Row r = FileDiagnoses.of(f, request(B6205, 12_000.0, "DE"), new ArrayList<>())
                .get(0);
        assertEquals(Verdict.UNKNOWN, r.diagnosis().verdict());
        assertTrue(r.diagnosis().reason().contains("give --rpm"), r.diagnosis().reason());
    }

    @Test
    void aFileThatStatesNoSpeedIsReadAtItsShaftLineNearTheFolderSpeed() throws Exception {
        Path rig = rigFolder();
        BearingGeometry g = B6205.at(1750);
        double[] x = new SyntheticBearingSignal(Verdict.BPFI, g, 12_000, 2, 2, 77).samples();
        MatFixtures.rigFile(rig.resolve("IR021_3.mat"), 212, x, x, x, 0);
        FileDiagnoses.Row r = FileDiagnoses.of(rig, request(B6205, 12_000.0, "DE"), new ArrayList<>()).stream()
                .filter(row -> row.file().equals("IR021_3.mat"))
                .findFirst()
                .orElseThrow();
        assertEquals(1750, r.rpm(), 5, r.rpmSource());
        assertTrue(r.rpmSource().startsWith("read from the signal's shaft lines near the 17"), r.rpmSource());
        assertEquals(Verdict.BPFI, r.diagnosis().verdict(), r.diagnosis().sentence("DE"));
    }

    @Test
    void aStructsSignalSampleRateAndShaftSpeedAreReadAndUsed() throws Exception {
        BearingGeometry g = NICE.at(1500);
        double[] x = new SyntheticBearingSignal(Verdict.BPFI, g, 48_828, 1, 2, 9).samples();
        Path f = MatFixtures.structFile(dir.resolve("fault.mat"), x, 48_828, 25);
        FileDiagnoses.Row r = FileDiagnoses.of(f, request(NICE, null, null), new ArrayList<>())
                .get(0);
        assertEquals("bearing.gs", r.channelLabel());
        assertEquals(48_828, r.sampleRate());
        assertEquals("the file's bearing.sr", r.sampleRateSource());
        assertEquals(1500, r.rpm(), 1e-9);
        assertEquals("the file's bearing.rate (Hz)", r.rpmSource());
        assertEquals(Verdict.BPFI, r.diagnosis().verdict(), r.diagnosis().sentence("ch1"));
    }

    @Test
    void aSampleRateThatContradictsTheFileIsRefusedWithBothValuesUnlessOverridden() throws Exception {
        BearingGeometry g = NICE.at(1500);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 48_828, 1, 2, 9).samples();
        Path f = MatFixtures.structFile(dir.resolve("fault.mat"), x, 48_828, 25);
        var e = assertThrows(
                InputFormatException.class,
                () -> FileDiagnoses.of(f, request(NICE, 25_600.0, null), new ArrayList<>()));
        assertTrue(
                e.getMessage().contains("--sample-rate 25600 Hz contradicts the file's own sample rate of 48828 Hz"),
                e.getMessage());
        var overridden = new FileDiagnoses.Request(
                new UserSettings(null, null, 25_600.0, null, NICE, null), null, true, Diagnoser.defaults());
        assertEquals(
                25_600,
                FileDiagnoses.of(f, overridden, new ArrayList<>()).get(0).sampleRate());
        assertEquals(
                48_828,
                FileDiagnoses.of(f, request(NICE, 48_830.0, null), new ArrayList<>())
                        .get(0)
                        .sampleRate(),
                5,
                "a rounded rate agrees");
    }

    @Test
    void aChannelNoneMatchesIsRefusedWithTheChannelsThereAre() throws Exception {
        Path rig = rigFolder();
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> FileDiagnoses.of(rig.resolve("IR007_0.mat"), request(B6205, 12_000.0, "XY"), new ArrayList<>()));
        assertTrue(
                e.getMessage().contains("ch1 = X105_DE_time, ch2 = X105_FE_time, ch3 = X105_BA_time"), e.getMessage());
    }

    @Test
    void aFolderFileThatCannotBeJudgedIsARowThatSaysWhyNeverLeftOut() throws Exception {
        Path rig = rigFolder();
        BearingGeometry g = B6205.at(1797);
        double[] x = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, 2, 0, 3).samples();
        Files.write(rig.resolve("broken.mat"), new byte[] {1, 2, 3});
        MatFixtures.structFile(rig.resolve("no-de.mat"), x, 12_000, 29.95);
        // files copied together share a modification time: each is still judged
        FileTime same = Files.getLastModifiedTime(rig.resolve("IR007_0.mat"));
        Files.setLastModifiedTime(rig.resolve("broken.mat"), same);
        Files.setLastModifiedTime(rig.resolve("no-de.mat"), same);
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(rig, request(B6205, 12_000.0, "DE"), new ArrayList<>());
        assertEquals(6, rows.size());
        FileDiagnoses.Row broken = rows.stream()
                .filter(r -> r.file().equals("broken.mat"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.UNKNOWN, broken.diagnosis().verdict());
        assertTrue(
                broken.diagnosis().reason().contains("not a readable MATLAB"),
                broken.diagnosis().reason());
        FileDiagnoses.Row noDe = rows.stream()
                .filter(r -> r.file().equals("no-de.mat"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.UNKNOWN, noDe.diagnosis().verdict());
        assertTrue(
                noDe.diagnosis().reason().contains("--channel DE: no channel is named so"),
                noDe.diagnosis().reason());
    }

    @Test
    void theCsvQuotesFieldsThatNeedIt() throws Exception {
        Path rig = rigFolder();
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(rig, request(B6205, 12_000.0, "DE"), new ArrayList<>());
        StringWriter w = new StringWriter();
        DiagnosisOutput.csv(rows, w);
        String[] lines = w.toString().split("\n");
        assertEquals(String.join(",", DiagnosisOutput.COLUMNS), lines[0]);
        assertTrue(w.toString().contains("\nB007_1.mat,1,X118_DE_time,BSF,"), w.toString());
        assertTrue(w.toString().contains(",\"whitened, full band\","), "a comma in a field is quoted");
    }

    @Test
    void theMfptFilesAreNamedFromTheirStructsWithOnlyTheBearingGiven() throws Exception {
        Path mfpt = SharedData.file("mfpt");
        List<FileDiagnoses.Row> rows = FileDiagnoses.of(mfpt, request(NICE, null, null), new ArrayList<>());
        assertEquals(10, rows.size());
        for (FileDiagnoses.Row r : rows) {
            Verdict expected = r.file().startsWith("Outer") ? Verdict.BPFO : Verdict.BPFI;
            assertEquals(
                    expected,
                    r.diagnosis().verdict(),
                    r.file() + ": " + r.diagnosis().sentence("ch1"));
            assertTrue(r.diagnosis().confidence() > 0.99, r.diagnosis().sentence("ch1"));
            assertEquals(48_828, r.sampleRate());
            assertEquals(1500, r.rpm(), 1e-9);
        }
    }
}
