package org.bearingworkbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.cli.CliRunner;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} on the sample run (160 files) with the stored version-1 bundle (threshold saved, persistence 2/3):
 * the same scores, flags and first alarm as the batch; exactly once across a kill -9; half-written files wait; files
 * that never complete and late files are reported; one watcher per state.
 */
class WatchTest {
    private static final Path BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm");
    private static ModelBundle bundle;
    private static AnomalyAnalysis batch;
    private static List<Path> files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void batchScore() throws Exception {
        bundle = ModelBundle.load(BUNDLE);
        batch = Workflows.analyze(
                SampleData.table(), bundle, null, PersistenceRule.parse("2/3"), 1, TaskContext.silent());
        try (Stream<Path> s = Files.list(SampleData.DIR)) {
            files = s.sorted().toList();
        }
        assertEquals(160, files.size());
    }

    private static DirectoryMonitor.Settings fast(double settleSeconds, double timeoutSeconds) {
        return new DirectoryMonitor.Settings(
                Duration.ofMillis((long) (settleSeconds * 1000)),
                Duration.ofMillis((long) (timeoutSeconds * 1000)),
                Duration.ofMillis(20),
                Duration.ofMillis(500),
                false);
    }

    private DirectoryMonitor monitor(Path dir, DirectoryMonitor.Settings s, List<StreamEvent> seen) throws Exception {
        return new DirectoryMonitor(
                dir,
                ScoringModel.of(bundle, null, null, 1),
                UserSettings.NONE,
                s,
                tmp.resolve("state.json"),
                tmp.resolve("events.csv"),
                seen::addAll);
    }

    private static void copy(Path dir, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            Path target = dir.resolve(files.get(i).getFileName());
            Path temp = dir.resolve("." + files.get(i).getFileName() + ".part");
            Files.copy(files.get(i), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** {@code watch DIR --model BUNDLE --events EVENTS --once --settle 0} and {@code extra}, in-process. */
    private static String[] watchOnce(Path dir, Path events, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "watch",
                dir.toString(),
                "--model",
                BUNDLE.toString(),
                "--events",
                events.toString(),
                "--once",
                "--settle",
                "0"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    private static List<String> snapshotLines(Path events) throws IOException {
        return Files.readAllLines(events).stream()
                .filter(l -> l.startsWith("snapshot,"))
                .toList();
    }

    @Test
    void catchUpGivesEverySnapshotTheBatchScoreFlagAndAlarm() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 160);
        List<StreamEvent> seen = new ArrayList<>();
        try (DirectoryMonitor m = monitor(dir, fast(0, 10), seen)) {
            m.scan(TaskContext.silent());
            assertEquals("2025-03-02T05:10", m.scorer().state().firstAlarm());
            assertEquals("ch1", m.scorer().state().firstAlarmTopChannel());
            assertEquals(
                    batch.dominantTopChannel().orElseThrow(), m.scorer().state().firstAlarmTopChannel());
        }
        List<StreamEvent> snaps =
                seen.stream().filter(e -> e.kind() == StreamEvent.Kind.SNAPSHOT).toList();
        assertEquals(160, snaps.size());
        int flagged = 0;
        for (int r = 0; r < 160; r++) {
            StreamEvent e = snaps.get(r);
            assertEquals(batch.table().file(r), e.file());
            // one row at a time through the float network vs 512 at a time: the same to ~1e-9
            assertEquals(batch.scores().score()[r], e.score(), 1e-7, e.file());
            assertEquals(batch.alarms().flagged()[r], e.flagged(), e.file());
            assertEquals(batch.alarms().inAlarm()[r], e.inAlarm(), e.file());
            flagged += e.flagged() ? 1 : 0;
        }
        assertEquals(34, flagged);
        List<StreamEvent> starts = seen.stream()
                .filter(e -> e.kind() == StreamEvent.Kind.ALARM_START)
                .toList();
        assertEquals(1, starts.size());
        assertEquals(batch.firstAlarmTime().orElseThrow(), starts.get(0).time());
        assertEquals(
                162, Files.readAllLines(tmp.resolve("events.csv")).size(), "header + 160 snapshots + 1 alarm start");
    }

    @Test
    void aHalfWrittenFileIsScoredOnlyOnceItIsComplete() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 40);
        List<StreamEvent> seen = new ArrayList<>();
        try (DirectoryMonitor m = monitor(dir, fast(0, 60), seen)) {
            m.scan(TaskContext.silent());
            assertEquals(40, m.scorer().state().scored());
            byte[] whole = Files.readAllBytes(files.get(40));
            Path half = dir.resolve(files.get(40).getFileName());
            Files.write(half, Arrays.copyOf(whole, whole.length / 2));
            copy(dir, 41, 42); // a later snapshot is complete, but time order waits for the half-written one
            assertTrue(m.scan(TaskContext.silent()).isEmpty());
            assertEquals(40, m.scorer().state().scored());
            assertTrue(m.waitingFor().startsWith(half.getFileName().toString()), m.waitingFor());
            Files.write(half, whole);
            m.scan(TaskContext.silent());
            assertEquals(42, m.scorer().state().scored());
            assertNull(m.waitingFor());
        }
        List<StreamEvent> snaps =
                seen.stream().filter(e -> e.kind() == StreamEvent.Kind.SNAPSHOT).toList();
        assertEquals(batch.scores().score()[40], snaps.get(40).score(), 1e-7);
        assertEquals(batch.scores().score()[41], snaps.get(41).score(), 1e-7);
    }

    @Test
    void aFileThatIsStillTooRecentWaitsForTheSettleTime() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 3);
        Files.setLastModifiedTime(
                dir.resolve(files.get(2).getFileName()),
                FileTime.from(Instant.now().plusSeconds(5)));
        try (DirectoryMonitor m = monitor(dir, fast(2, 10), new ArrayList<>())) {
            for (int i = 0; i < 2; i++) {
                Files.setLastModifiedTime(
                        dir.resolve(files.get(i).getFileName()),
                        FileTime.from(Instant.now().minusSeconds(10)));
            }
            m.scan(TaskContext.silent());
            assertEquals(2, m.scorer().state().scored());
            assertTrue(m.waitingFor().contains("modified"), m.waitingFor());
        }
    }

    @Test
    void aFileThatNeverCompletesIsReportedAfterTheTimeoutAndPassedOver() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 5);
        byte[] whole = Files.readAllBytes(files.get(5));
        Files.write(dir.resolve(files.get(5).getFileName()), Arrays.copyOf(whole, whole.length / 3));
        copy(dir, 6, 8);
        List<StreamEvent> seen = new ArrayList<>();
        try (DirectoryMonitor m = monitor(dir, fast(0, 3), seen)) {
            m.scan(TaskContext.silent());
            assertEquals(5, m.scorer().state().scored());
            // 3.1 s later (the monitor's clock moved on, not the test waiting)
            m.clock(Clock.offset(Clock.systemUTC(), Duration.ofMillis(3100)));
            m.scan(TaskContext.silent());
            assertEquals(7, m.scorer().state().scored());
            assertEquals(1, m.scorer().state().leftOut());
        }
        StreamEvent skipped = seen.stream()
                .filter(e -> e.kind() == StreamEvent.Kind.SKIPPED)
                .findFirst()
                .orElseThrow();
        assertEquals(files.get(5).getFileName().toString(), skipped.file());
        assertTrue(skipped.note().startsWith("never completed within 3 s: "), skipped.note());
        String line = Files.readAllLines(tmp.resolve("events.csv")).stream()
                .filter(l -> l.startsWith("skipped,"))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains(skipped.file()), line);
    }

    @Test
    void aSnapshotArrivingAfterLaterOnesWereScoredIsReportedLateOnce() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 10);
        copy(dir, 11, 15);
        List<StreamEvent> seen = new ArrayList<>();
        try (DirectoryMonitor m = monitor(dir, fast(0, 10), seen)) {
            m.scan(TaskContext.silent());
            copy(dir, 10, 11);
            m.scan(TaskContext.silent());
            m.scan(TaskContext.silent());
            assertEquals(14, m.scorer().state().scored());
        }
        List<StreamEvent> late =
                seen.stream().filter(e -> e.kind() == StreamEvent.Kind.LATE).toList();
        assertEquals(1, late.size());
        assertEquals(files.get(10).getFileName().toString(), late.get(0).file());
    }

    @Test
    void aSecondWatcherOnTheSameStateIsRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 2);
        try (DirectoryMonitor m = monitor(dir, fast(0, 10), new ArrayList<>())) {
            var e = assertThrows(IllegalStateException.class, () -> monitor(dir, fast(0, 10), new ArrayList<>()));
            assertTrue(
                    e.getMessage().startsWith("another watcher is using " + tmp.resolve("state.json")), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        try (DirectoryMonitor again = monitor(dir, fast(0, 10), new ArrayList<>())) {
            assertEquals(0, again.scorer().state().scored(), "once the first is closed the state is free");
        }
    }

    @Test
    void aStateOfAnotherModelOrDamagedFilesAreRefusedWithWhatToDo() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 5);
        try (DirectoryMonitor m = monitor(dir, fast(0, 10), new ArrayList<>())) {
            m.scan(TaskContext.silent());
        }
        var other = ScoringModel.of(bundle, 0.5, null, 1);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new DirectoryMonitor(
                        dir,
                        other,
                        UserSettings.NONE,
                        fast(0, 10),
                        tmp.resolve("state.json"),
                        tmp.resolve("events.csv"),
                        x -> {}));
        assertTrue(e.getMessage().contains("another model, threshold or rule"), e.getMessage());

        Path events = tmp.resolve("events.csv");
        byte[] all = Files.readAllBytes(events);
        Files.write(events, Arrays.copyOf(all, all.length - 10));
        var shorter = assertThrows(IOException.class, () -> monitor(dir, fast(0, 10), new ArrayList<>()));
        assertTrue(shorter.getMessage().contains("shorter than the"), shorter.getMessage());
        Files.write(events, all);

        Files.writeString(tmp.resolve("state.json"), "{not json");
        var damaged = assertThrows(InputFormatException.class, () -> monitor(dir, fast(0, 10), new ArrayList<>()));
        assertTrue(damaged.getMessage().contains("not a readable watch state"), damaged.getMessage());
    }

    @Test
    void killedWithSigkillAndRestartedItWritesTheEventsOfAnUninterruptedRun() throws Exception {
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        copy(reference, 0, 160);
        Path refEvents = tmp.resolve("reference-events.csv");
        try (DirectoryMonitor m = new DirectoryMonitor(
                reference,
                ScoringModel.of(bundle, null, null, 1),
                UserSettings.NONE,
                new DirectoryMonitor.Settings(
                        Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(500), true),
                tmp.resolve("reference-state.json"),
                refEvents,
                x -> {})) {
            m.scan(TaskContext.silent());
        }

        Path dir = Files.createDirectory(tmp.resolve("live"));
        Path events = tmp.resolve("events.csv");
        Process first = watcher(dir, events);
        int k = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (snapshotCount(events) < 70 && System.nanoTime() < deadline) {
            if (snapshotCount(events) >= k - 5) { // keep a few files ahead of the watcher, as a logger would
                copy(dir, k, k + 5);
                k += 5;
            }
            Thread.sleep(10);
        }
        assertTrue(first.isAlive(), "the watcher should still be running: " + logs());
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        int atKill = snapshotCount(events);
        assertTrue(atKill >= 70 && atKill < 160, "killed in the middle (" + atKill + " scored): " + logs());
        copy(dir, k, Math.min(160, k + 10));
        k = Math.min(160, k + 10);
        Process second = watcher(dir, events);
        try {
            copy(dir, k, 160);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (snapshotCount(events) < 160 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> got = Files.readAllLines(events);
        List<String> want = Files.readAllLines(refEvents);
        Set<String> distinct = new HashSet<>(snapshotLines(events));
        assertEquals(160, distinct.size(), "every snapshot once");
        assertEquals(160, snapshotLines(events).size(), "no duplicate");
        assertEquals(want, got, "the same events as an uninterrupted run: " + logs());
        assertFalse(got.isEmpty());
    }

    @Test
    void onAlarmRunsTheCommandWithTheEventAndNeverHoldsUpScoring() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 160);
        Path out = tmp.resolve("hook.txt");
        String command = "cat > '" + out + ".json'; echo \"$BW_EVENT $BW_FILE $BW_TOP_CHANNEL $BW_STREAM\" >> '" + out
                + "'; sleep 5";
        long took;
        try (AlarmHook hook = new AlarmHook(
                        command, Duration.ofSeconds(1), "rig-7", bundle.model().columns());
                DirectoryMonitor m = monitor(dir, fast(0, 10), new ArrayList<>())) {
            DirectoryMonitor.Listener l = hook::fire;
            List<StreamEvent> events = m.scan(TaskContext.silent());
            long t0 = System.nanoTime();
            l.events(events);
            took = System.nanoTime() - t0;
        }
        assertTrue(
                took < 500_000_000L, "firing queues the command (which sleeps 5 s), it does not wait for it: " + took);
        String line = Files.readString(out).strip();
        assertEquals("alarm_start 2025.03.02.05.10.00.gz ch1 rig-7", line);
        String json = Files.readString(Path.of(out + ".json"));
        assertTrue(
                json.contains("\"event\":\"alarm_start\"")
                        && json.contains("\"top_channel\":\"ch1\"")
                        && json.contains("\"ch1_mean_abs\":"),
                json);
    }

    @Test
    void aSnapshotThatCannotBeScoredIsSaidToBeSoNeverNormalAndEndsNoAlarm() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("bad"));
        copy(dir, 140, 150);
        // one sample of 1e308 in the next snapshot: its mean |x| lies beyond the float range the model computes in
        Path bad = files.get(150);
        String text;
        try (var in = new GZIPInputStream(Files.newInputStream(bad))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        text = "1e308" + text.substring(text.indexOf('\t'));
        try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(bad.getFileName())))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        copy(dir, 151, 160);
        Path events = tmp.resolve("bad-events.csv");
        String[] r = watchOnce(dir, events, "--no-physics");
        assertEquals("0", r[0], r[2]);
        List<String> lines = snapshotLines(events);
        String line = lines.stream()
                .filter(l -> l.contains(bad.getFileName().toString()))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains("unscorable: ch1_mean_abs = "), line);
        assertTrue(line.contains(",false,"), "not flagged: " + line);
        assertTrue(r[2].contains(bad.getFileName() + " unscorable: ch1_mean_abs"), r[2]);
        String before = lines.get(lines.indexOf(line) - 1);
        String[] b = before.split(",");
        String[] u = line.split(",");
        assertEquals(b[6], u[6], "its in_alarm is the state before it: it neither counts as normal nor ends an alarm");
    }

    @Test
    void anAlarmsStartCarriesTheDiagnosisOfItsTopChannel() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 160);
        Path events = tmp.resolve("dx-events.csv");
        String[] r = watchOnce(dir, events);
        assertEquals("0", r[0], r[2]);
        String start = Files.readAllLines(events).stream()
                .filter(l -> l.startsWith("alarm_start,"))
                .findFirst()
                .orElseThrow();
        assertTrue(start.contains("\"diagnosis ch1: BPFO (outer race), confidence"), start);
        assertTrue(r[2].contains("top channel ch1; diagnosis ch1: BPFO (outer race)"), r[2]);
    }

    @Test
    void theCommandLineWatchCatchesUpAndReportsTheFirstAlarm() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        copy(dir, 0, 160);
        Path events = tmp.resolve("cli-events.csv");
        String[] r = CliRunner.run(
                "watch",
                dir.toString(),
                "--model",
                BUNDLE.toString(),
                "--events",
                events.toString(),
                "--once",
                "--settle",
                "0",
                "--no-physics");
        assertEquals("0", r[0], r[2]);
        assertTrue(
                r[2].contains(
                        "ALARM at 2025-03-02T05:10 (2025.03.02.05.10.00.gz): score 1.040 > 0.9897, top channel ch1"),
                r[2]);
        assertTrue(r[2].contains("caught up: 160 scored, 0 left out, IN ALARM since 2025-03-02 05:10:00"), r[2]);
        assertEquals(162, Files.readAllLines(events).size());
        assertTrue(Files.exists(tmp.resolve("cli-events.csv.state.json")));
        String[] again = CliRunner.run(
                "watch",
                dir.toString(),
                "--model",
                BUNDLE.toString(),
                "--events",
                events.toString(),
                "--once",
                "--settle",
                "0",
                "--no-physics");
        assertEquals("0", again[0], again[2]);
        assertTrue(again[2].contains("continuing: 160 scored"), again[2]);
        assertEquals(162, Files.readAllLines(events).size(), "nothing scored twice");
        String[] bad = CliRunner.run("watch", tmp.resolve("nope").toString(), "--model", BUNDLE.toString(), "--once");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("nope: not a directory"), bad[2]);
    }

    private Process watcher(Path dir, Path events) throws IOException {
        return WatcherProcess.start(tmp, dir, BUNDLE, events, tmp.resolve("state.json"));
    }

    private String logs() throws IOException {
        return WatcherProcess.logs(tmp);
    }

    private static int snapshotCount(Path events) throws IOException {
        return Files.exists(events) ? snapshotLines(events).size() : 0;
    }
}
