package org.bearingworkbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code watch} killed at each step of its durable writes ({@link org.bearingworkbench.io.CrashPoints}: the events
 * header, an event, the state's temporary file, its fsync, its rename) and started again: the event log ends equal
 * to an uninterrupted run's, every snapshot once.
 */
class WatchCrashTest {
    private static final Path BUNDLE = Path.of("src/core/test/resources/bundles/v1-sample.bwm");
    private static List<String> reference;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterrupted() throws Exception {
        Path events = shared.resolve("reference-events.csv");
        try (DirectoryMonitor m = new DirectoryMonitor(
                SampleData.DIR,
                ScoringModel.of(ModelBundle.load(BUNDLE), null, null, 1),
                UserSettings.NONE,
                new DirectoryMonitor.Settings(
                        Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(500), true),
                shared.resolve("reference-state.json"),
                events,
                x -> {})) {
            m.scan(TaskContext.silent());
        }
        reference = Files.readAllLines(events);
        assertEquals(
                160, reference.stream().filter(l -> l.startsWith("snapshot,")).count());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "events.append:1",
                "events.written:1",
                "events.append:2",
                "atomic.temp:1",
                "atomic.fsync:1",
                "atomic.rename:1",
                "atomic.rename:2"
            })
    void killedAtAWriteStepAndStartedAgainItWritesTheUninterruptedEvents(String crashAt) throws Exception {
        Path events = tmp.resolve("events.csv");
        Path state = tmp.resolve("state.json");
        Process killed = WatcherProcess.start(
                List.of("-Dbw.crashAt=" + crashAt), tmp, SampleData.DIR, BUNDLE, events, state, "--once");
        assertTrue(killed.waitFor(120, TimeUnit.SECONDS), "the first watch ended");
        assertEquals(137, killed.exitValue(), "halted at " + crashAt + ": " + logs());
        Process again = WatcherProcess.start(tmp, SampleData.DIR, BUNDLE, events, state, "--once");
        assertTrue(again.waitFor(120, TimeUnit.SECONDS), "the second watch ended");
        assertEquals(0, again.exitValue(), logs());
        assertEquals(reference, Files.readAllLines(events), "after a kill at " + crashAt + ": " + logs());
    }

    private String logs() throws Exception {
        return WatcherProcess.logs(tmp);
    }
}
