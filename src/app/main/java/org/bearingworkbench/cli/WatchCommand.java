package org.bearingworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.monitor.AlarmHook;
import org.bearingworkbench.monitor.DirectoryMonitor;
import org.bearingworkbench.monitor.ScoringModel;
import org.bearingworkbench.monitor.StreamEvent;
import org.bearingworkbench.monitor.StreamScorer;
import org.bearingworkbench.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watch}: scores each snapshot a logger writes into a directory, once, as it arrives; until stopped. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Score every snapshot in a directory (catch-up), then each new one as it arrives, with a tuned "
                    + "model; append one event line per snapshot (and per alarm start/end) to the events CSV.",
            "A file is read once it has not changed for --settle seconds and holds a whole snapshot; one that "
                    + "never completes is reported after --incomplete-timeout. Kill it at any moment: restarted "
                    + "with the same --state it goes on with no duplicate and no gap. Ctrl+C stops it cleanly."
        })
final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<dir>", description = "the directory the logger writes snapshot files into")
    Path dir;

    @Option(names = "--model", required = true, description = "model bundle (.bwm) with its tuned threshold")
    Path model;

    @Option(names = "--events", description = "events CSV to append to (default: <dir>/.bearing-watch/events.csv)")
    Path events;

    @Option(names = "--state", description = "state file (default: beside the events file, <events>.state.json)")
    Path state;

    @Option(names = "--threshold", description = "threshold to flag snapshots (default: the one saved with the model)")
    Double threshold;

    @Option(names = "--persistence", description = "alarm rule N/M (default: the model's, else 3/3)")
    String persistence;

    @Option(
            names = "--channels-per-bearing",
            defaultValue = "1",
            description = "channels per bearing (default ${DEFAULT-VALUE})")
    int channelsPerBearing;

    @Option(
            names = "--on-alarm",
            description = "command to run when an alarm starts or ends (event in BW_* "
                    + "environment variables and as JSON on its standard input)")
    String onAlarm;

    @Option(
            names = "--hook-timeout",
            defaultValue = "30",
            description = "seconds an --on-alarm command may run (default ${DEFAULT-VALUE})")
    double hookTimeout;

    @Option(
            names = "--settle",
            defaultValue = "2",
            description = "seconds a file must stand still before it is read (default ${DEFAULT-VALUE})")
    double settle;

    @Option(
            names = "--incomplete-timeout",
            defaultValue = "60",
            description = "seconds a file that is not a whole snapshot may stand still before it is reported "
                    + "and passed over (default ${DEFAULT-VALUE})")
    double incompleteTimeout;

    @Option(
            names = "--poll",
            defaultValue = "1",
            description = "seconds between listings of the directory (default ${DEFAULT-VALUE})")
    double poll;

    @Option(names = "--no-physics", description = "do not compute defect indicators for the events")
    boolean noPhysics;

    @Option(names = "--once", description = "score what is there, then stop (catch-up only)")
    boolean once;

    @Mixin
    DataSetOptions dataSet = new DataSetOptions();

    @Override
    public Integer call() throws Exception {
        CommandChecks.requireSource(model);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory (watch reads a directory of snapshot files)");
        }
        for (double v : new double[] {settle, incompleteTimeout, poll, hookTimeout}) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "--settle, --incomplete-timeout, --poll, --hook-timeout: seconds >= 0");
            }
        }
        Path eventsFile =
                events != null ? events : dir.resolve(".bearing-watch").resolve("events.csv");
        if (events == null) {
            Files.createDirectories(eventsFile.getParent());
        }
        Path stateFile = state != null ? state : eventsFile.resolveSibling(eventsFile.getFileName() + ".state.json");
        ScoringModel scoring = ScoringModel.of(
                ModelBundle.load(model),
                threshold,
                persistence == null ? null : PersistenceRule.parse(persistence),
                channelsPerBearing);
        var settings = new DirectoryMonitor.Settings(
                seconds(settle),
                seconds(incompleteTimeout),
                seconds(Math.max(0.01, poll)),
                Duration.ofMillis(500),
                !noPhysics);
        AtomicBoolean live = new AtomicBoolean();
        AlarmHook hook = onAlarm == null
                ? null
                : new AlarmHook(
                        onAlarm,
                        seconds(hookTimeout),
                        dir.toString(),
                        scoring.bundle().model().columns());
        CancellationToken cancel = new CancellationToken();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread stopper = new Thread(
                () -> {
                    stop.set(true);
                    try {
                        done.await();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                },
                "bw-watch-stop");
        try (DirectoryMonitor monitor =
                new DirectoryMonitor(dir, scoring, dataSet.settings(), settings, stateFile, eventsFile, e -> {
                    e.forEach(ev -> print(ev, live.get()));
                    if (hook != null) {
                        hook.fire(e);
                    }
                })) {
            Runtime.getRuntime().addShutdownHook(stopper);
            System.err.printf(
                    Locale.ROOT,
                    "watching %s with %s (threshold %.4g %s, persistence %s); events: %s; state: %s%n",
                    dir,
                    model.getFileName(),
                    scoring.threshold(),
                    scoring.thresholdSource(),
                    scoring.rule(),
                    eventsFile,
                    stateFile);
            if (monitor.scorer().state().scored() > 0) {
                System.err.println("continuing: " + monitor.scorer().summary());
            }
            var context = cancel.contextFor(new ConsoleProgress(System.err));
            monitor.scan(context);
            System.err.println("caught up: " + monitor.scorer().summary());
            live.set(true);
            if (!once) {
                monitor.run(stop::get, context);
                System.err.println("stopped: " + monitor.scorer().summary());
            }
        } finally {
            if (hook != null) {
                hook.close();
            }
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down, or never added
            }
        }
        return 0;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static void print(StreamEvent e, boolean live) {
        switch (e.kind()) {
            case ALARM_START ->
                System.err.printf(
                        Locale.ROOT,
                        "ALARM at %s (%s): score %.4g > %.4g, top channel %s%s%n",
                        e.time(),
                        e.file(),
                        e.score(),
                        e.threshold(),
                        e.topChannel(),
                        e.note().isEmpty() ? "" : "; " + e.note());
            case ALARM_END -> System.err.printf(Locale.ROOT, "alarm over at %s (%s)%n", e.time(), e.file());
            case SKIPPED, LATE ->
                System.err.printf(Locale.ROOT, "%s %s: %s%n", e.kind().id(), e.file(), e.note());
            case SNAPSHOT -> {
                if (!live && e.note().startsWith(StreamScorer.UNSCORABLE)) {
                    System.err.printf(Locale.ROOT, "%s %s%n", e.file(), e.note());
                } else if (live) {
                    System.err.printf(
                            Locale.ROOT,
                            "%s %s score %.4g%s%s%s%n",
                            e.time(),
                            e.file(),
                            e.score(),
                            e.flagged() ? " flagged" : "",
                            e.inAlarm() ? " IN ALARM" : "",
                            e.note().isEmpty() ? "" : " (" + e.note() + ")");
                }
            }
            default -> throw new IllegalStateException(e.kind().toString());
        }
    }
}
