package org.bearingworkbench.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.DataSetSidecar;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.diagnosis.MatFixtures;
import org.bearingworkbench.signal.diagnosis.SyntheticBearingSignal;
import org.bearingworkbench.signal.diagnosis.Verdict;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Getting a public benchmark's or a logger's files in: each way they were misread, pinned. */
class DataEntryTest {
    @TempDir
    Path dir;

    private static UserSettings settings(String format, String layout, Double fs) {
        return new UserSettings(format, layout, fs, null, null, null);
    }

    /** Three rig files of unequal lengths (DE, FE, BA vectors and an RPM scalar). */
    private Path rigFolder() throws Exception {
        Path rig = Files.createDirectory(dir.resolve("rig"));
        BearingGeometry g = new BearingDesign("6205", 9, 0.3126, 1.537, 0).at(1797);
        int[] lengths = {121_265, 122_571, 121_991};
        for (int i = 0; i < lengths.length; i++) {
            double[] x = new SyntheticBearingSignal(Verdict.BPFI, g, 12_000, lengths[i] / 12_000.0, 2, i).samples();
            double[] y = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, lengths[i] / 12_000.0, 0, i).samples();
            MatFixtures.rigFile(rig.resolve("IR007_" + i + ".mat"), 105 + i, x, y, y, 1797);
        }
        return rig;
    }

    @Test
    void matFilesOfUnequalLengthsAreAllReadEachWithItsOwnLength() throws Exception {
        ImportResult r = DataSets.open(rigFolder(), settings(null, null, 12_000.0), TaskContext.silent());
        assertEquals(List.of(), r.skipped());
        assertEquals(3, r.table().rowCount());
        assertEquals(3, r.channels());
    }

    @Test
    void channelsKeepTheFilesOrderNotTheAlphabets() throws Exception {
        ImportResult r = DataSets.open(rigFolder(), settings(null, null, 12_000.0), TaskContext.silent());
        assertTrue(
                r.description().channels().get(0).label().endsWith("_DE_time"),
                r.description().channels().toString());
        assertTrue(
                r.description().channels().get(2).label().endsWith("_BA_time"),
                r.description().channels().toString());
    }

    @Test
    void aLayoutGivenWithoutAFormatConfiguresTheDetectedOne() throws Exception {
        Path rig = rigFolder();
        ImportResult r = DataSets.open(
                rig,
                settings(
                        null,
                        "variables=X105_FE_time,X106_FE_time,X107_FE_time".replace(",X106_FE_time,X107_FE_time", ""),
                        12_000.0),
                TaskContext.silent());
        // only the first file has X105_FE_time: the others are set apart naming the variable they lack
        assertEquals(1, r.table().rowCount());
        assertEquals(1, r.channels());
        assertTrue(
                r.skipped().get(0).reason().contains("no numeric vector 'X105_FE_time'"),
                r.skipped().toString());
    }

    @Test
    void aStructsSampleRateIsStatedByTheFile() throws Exception {
        BearingGeometry g = new BearingDesign("nice", 8, 0.235, 1.245, 0).at(1500);
        Path d = Files.createDirectory(dir.resolve("mfpt"));
        for (int i = 0; i < 2; i++) {
            double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 48_828, 0.5, 2, i).samples();
            MatFixtures.structFile(d.resolve("OuterRaceFault_" + i + ".mat"), x, 48_828, 25);
        }
        ImportResult r = DataSets.open(d, UserSettings.NONE, TaskContext.silent());
        assertEquals(48_828.0, r.description().sampleRateHz().value());
        assertEquals(ValueSource.FORMAT, r.description().sampleRateHz().source());
        assertEquals(1500.0, r.description().rpm().value());
        assertEquals("bearing.gs", r.description().channels().get(0).label());
    }

    @Test
    void aTimeColumnIsTimeNeverAChannelAndGivesTheSampleRate() throws Exception {
        Path d = Files.createDirectory(dir.resolve("logger"));
        for (int f = 0; f < 3; f++) {
            StringBuilder sb = new StringBuilder("time_s,acc_x,acc_y\n");
            for (int i = 0; i < 2000; i++) {
                sb.append(String.format(Locale.ROOT, "%.5f,%.4f,%.4f%n", i / 5000.0, Math.sin(i * 0.3), Math.cos(i)));
            }
            Files.writeString(d.resolve("log_" + f + ".csv"), sb.toString());
        }
        ImportResult r = DataSets.open(d, settings("delimited", null, null), TaskContext.silent());
        assertEquals(2, r.channels(), "acc_x and acc_y; time_s is not a signal");
        assertEquals("acc_x", r.description().channels().get(0).label());
        assertEquals(5000.0, r.description().sampleRateHz().value());
        assertEquals(ValueSource.DETECTED, r.description().sampleRateHz().source());
    }

    @Test
    void aFolderOfCsvFilesNoLayoutRecognisesIsPointedToTheDelimitedFormat() throws Exception {
        Path d = Files.createDirectory(dir.resolve("csvs"));
        for (int f = 0; f < 3; f++) {
            Files.writeString(d.resolve("log_" + f + ".csv"), "time_s,acc\n0.0,0.1\n0.001,0.2\n0.002,0.1\n");
        }
        var e = assertThrows(
                InputFormatException.class, () -> DataSets.open(d, UserSettings.NONE, TaskContext.silent()));
        assertTrue(
                e.getMessage().contains("3 of them are text files")
                        && e.getMessage().contains("give --format delimited"),
                e.getMessage());
    }

    @Test
    void oneMatFileIsNotOfferedAsARecording() throws Exception {
        Path f = rigFolder().resolve("IR007_0.mat");
        var e = assertThrows(
                InputFormatException.class, () -> DataSets.open(f, UserSettings.NONE, TaskContext.silent()));
        assertFalse(e.getMessage().contains("--format recording"), e.getMessage());
        assertTrue(e.getMessage().contains("one MATLAB file is one snapshot"), e.getMessage());
    }

    @Test
    void aClockThatStepsBackByMinutesIsAGlitchNotAMidnightCrossing() throws Exception {
        // PRONOSTIA's Bearing1_1 has two files whose clock steps back: read as a day later, the run spanned 31.8 h
        Path d = Files.createDirectory(dir.resolve("femto"));
        int[][] clocks = {{9, 0, 0}, {9, 0, 10}, {8, 55, 0}, {8, 55, 0}, {9, 0, 40}, {23, 59, 50}, {0, 0, 0}};
        for (int i = 0; i < clocks.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < 2560; r++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%d,%d,%d,%d,%.3f,%.3f%n",
                        clocks[i][0],
                        clocks[i][1],
                        clocks[i][2],
                        r * 39,
                        Math.sin(r * 0.1),
                        Math.cos(r * 0.1)));
            }
            Files.writeString(d.resolve(String.format(Locale.ROOT, "acc_%05d.csv", i + 1)), sb.toString());
        }
        List<SnapshotRef> refs = new FemtoFormat().list(d, new ArrayList<>());
        assertEquals(7, refs.size());
        assertEquals(refs.get(1).timestamp().plusSeconds(10), refs.get(2).timestamp(), "the glitch keeps its place");
        assertEquals(refs.get(2).timestamp().plusSeconds(10), refs.get(3).timestamp(), "so does a second one");
        assertEquals(refs.get(3).timestamp().plusSeconds(10), refs.get(4).timestamp(), "the clock is good again");
        assertEquals(refs.get(5).timestamp().plusSeconds(10), refs.get(6).timestamp(), "midnight is still a day on");
    }

    @Test
    void aMisspeltSidecarKeyIsNamedInAWarning() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(DataSetSidecar.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            Files.writeString(
                    dir.resolve(DataSetSidecar.FILE_NAME),
                    "{\"schema\": \"bearing-workbench-dataset-1\", \"sample_rate\": 25600, \"shaft_rpm\": 1800}");
            UserSettings s = DataSetSidecar.load(dir);
            assertEquals(1800.0, s.rpm());
            assertTrue(
                    seen.list.stream().anyMatch(e -> e.getFormattedMessage().contains("[sample_rate]")),
                    seen.list.toString());
        } finally {
            log.detachAppender(seen);
        }
    }
}
