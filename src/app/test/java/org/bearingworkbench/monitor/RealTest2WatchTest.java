package org.bearingworkbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance on the real data: {@code watch} on a directory that fills with the 984 files of IMS test 2
 * (hard links to the unpacked files, as fast as the watcher takes them), killed with SIGKILL in the middle and
 * restarted: every file scored exactly once, and the first sustained alarm and its top channel those of the batch
 * {@code score} with the same model (the study's Keras model with its robust threshold, saved as a bundle).
 */
class RealTest2WatchTest {
    @TempDir(cleanup = CleanupMode.ALWAYS)
    Path tmp;

    @Test
    void aKilledAndRestartedWatchScoresEveryFileOnceAndAlarmsAsTheBatch() throws Exception {
        Path raw = SharedData.imsTest2();
        Path h5 = SharedData.file("seed-model/Cloud_model.h5");
        Path scaler = SharedData.file("seed-model/scaler_params.json");
        Path bundle = tmp.resolve("study.bwm");
        Path report = tmp.resolve("report.csv");
        String[] batch = CliRunner.run(
                "score",
                raw.toString(),
                "--keras-model",
                h5.toString(),
                "--scaler",
                scaler.toString(),
                "--save-model",
                bundle.toString(),
                "-o",
                report.toString(),
                "--json");
        assertEquals("0", batch[0], batch[2]);
        String firstAlarm = batch[1].replaceAll("(?s).*\"first_alarm\":\"([^\"]+)\".*", "$1");
        String topAtFirstAlarm = Files.readAllLines(report).stream()
                .filter(l -> l.startsWith(firstAlarm + ","))
                .findFirst()
                .orElseThrow()
                .split(",")[7];

        List<Path> files;
        try (Stream<Path> s = Files.list(raw)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        assertEquals(984, files.size());
        // the watched directory lives beside the unpacked files (target/) so that they can be hard-linked into it
        Path dir = Files.createTempDirectory(raw.getParent(), "watched-");
        try {
            Path events = tmp.resolve("events.csv");
            Path state = tmp.resolve("state.json");
            Process first = WatcherProcess.start(tmp, dir, bundle, events, state);
            int k = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (count(events) < 400 && System.nanoTime() < deadline) {
                if (count(events) >= k - 20) {
                    link(files, dir, k, k + 20);
                    k += 20;
                }
                Thread.sleep(10);
            }
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int atKill = count(events);
            assertTrue(atKill >= 400 && atKill < 984, "killed in the middle: " + atKill);
            Process second = WatcherProcess.start(tmp, dir, bundle, events, state);
            try {
                link(files, dir, k, 984);
                while (count(events) < 984 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
            List<String> lines = Files.readAllLines(events);
            List<String> snapshots =
                    lines.stream().filter(l -> l.startsWith("snapshot,")).toList();
            assertEquals(984, snapshots.size(), "every file scored, none twice");
            assertEquals(
                    984,
                    new HashSet<>(snapshots.stream().map(l -> l.split(",")[2]).toList()).size());
            String start = lines.stream()
                    .filter(l -> l.startsWith("alarm_start,"))
                    .findFirst()
                    .orElseThrow();
            String[] f = start.split(",");
            assertEquals(firstAlarm, f[1], "first sustained alarm: " + start);
            assertEquals(topAtFirstAlarm, f[7], "its top channel");
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void link(List<Path> files, Path dir, int from, int to) throws IOException {
        for (int i = from; i < Math.min(to, files.size()); i++) {
            Files.createLink(dir.resolve(files.get(i).getFileName()), files.get(i));
        }
    }

    private static int count(Path events) throws IOException {
        if (!Files.exists(events)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(events)) {
            return (int) s.filter(l -> l.startsWith("snapshot,")).count();
        }
    }
}
