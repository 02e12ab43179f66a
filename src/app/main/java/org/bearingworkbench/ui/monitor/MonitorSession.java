package org.bearingworkbench.ui.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.formats.DataSource;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.Scores;
import org.bearingworkbench.monitor.DirectoryMonitor;
import org.bearingworkbench.monitor.ScoringModel;
import org.bearingworkbench.monitor.SnapshotRow;
import org.bearingworkbench.monitor.StreamEvent;
import org.bearingworkbench.monitor.StreamScorer;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File > Monitor directory…: the window follows a directory a logger writes into, with the core's
 * {@link DirectoryMonitor} (the same exactly-once scoring as {@code watch}) on its own thread. Snapshots and their
 * events queue up there; once per pulse (4 a second) the FX thread takes what has arrived and updates the open data
 * set and analysis in one step, so the timeline, histogram, flagged list and Signals follow the stream and the window
 * never waits for scoring. The active model scores with the threshold and rule in force when monitoring starts; its
 * events and state go to {@code ~/.bearing-workbench/monitor/} ({@code -Dbw.monitorDir} moves it), one pair per
 * directory and model, so a later session goes on where this one stopped.
 */
public final class MonitorSession {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorSession.class);
    private static final Duration PULSE = Duration.millis(250);
    private final WorkbenchModel model;
    private final Consumer<Throwable> failed;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty alarm = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ConcurrentLinkedQueue<Object> arrived = new ConcurrentLinkedQueue<>();
    private final Timeline pulse;
    private AtomicBoolean stop;
    private CancellationToken cancel;
    private Thread thread;
    private DirectoryMonitor monitor;
    private Path dir;
    private ModelBundle bundle;
    private ScoringModel scoring;
    private Stream stream;
    private SavedThreshold method;
    private int unshown;
    private long lastShown;

    /** What the view has of the stream so far, growing with each pulse. */
    private static final class Stream {
        final List<LocalDateTime> times = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        final List<Integer> samples = new ArrayList<>();
        final Map<String, List<Double>> columns = new LinkedHashMap<>();
        final List<Double> score = new ArrayList<>();
        final List<double[]> errors = new ArrayList<>();
        final List<double[]> scaled = new ArrayList<>();
        final Map<String, SnapshotRow> rows = new HashMap<>();
    }

    public MonitorSession(WorkbenchModel model, Consumer<Throwable> failed) {
        this.model = model;
        this.failed = failed;
        pulse = new Timeline(new KeyFrame(PULSE, e -> drain()));
        pulse.setCycleCount(Timeline.INDEFINITE);
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** "ALARM since ..." while the stream is in alarm, else null. */
    public StringProperty alarmProperty() {
        return alarm;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Starts following {@code directory} with the active model; refuses (with the reason) when that cannot be. */
    public void start(Path directory) throws Exception {
        if (running.get()) {
            throw new IllegalStateException("already monitoring " + dir + ": stop it first");
        }
        bundle = model.bundleProperty().get();
        if (bundle == null) {
            throw new IllegalStateException("no active model: train one, open one (File > Open model…) or import the "
                    + "study's Keras model, then monitor");
        }
        AnomalyAnalysis a = model.analysisProperty().get();
        Double threshold = a != null
                ? Double.valueOf(a.threshold().value())
                : bundle.chosenThreshold().orElse(null);
        if (threshold == null) {
            throw new IllegalStateException("the active model has no threshold yet: score data with it first");
        }
        scoring = ScoringModel.of(
                bundle,
                threshold,
                a != null ? "as tuned in the window (" + a.threshold().method() + ")" : "saved with the model",
                model.ruleProperty().get(),
                model.channelsPerBearingProperty().get());
        Path home = Path.of(System.getProperty(
                "bw.monitorDir",
                Path.of(System.getProperty("user.home"), ".bearing-workbench", "monitor")
                        .toString()));
        String key = Integer.toHexString(
                        directory.toAbsolutePath().normalize().toString().hashCode()) + "-"
                + Integer.toHexString(StreamScorer.identity(bundle.model(), threshold, scoring.rule())
                        .hashCode());
        Path where = Files.createDirectories(home.resolve(key));
        dir = directory;
        stream = new Stream();
        method = null;
        unshown = 0;
        lastShown = 0;
        arrived.clear();
        monitor = new DirectoryMonitor(
                directory,
                scoring,
                UserSettings.NONE,
                DirectoryMonitor.Settings.defaults(),
                where.resolve("state.json"),
                where.resolve("events.csv"),
                new DirectoryMonitor.Listener() {
                    @Override
                    public void events(List<StreamEvent> events) {
                        arrived.addAll(events);
                    }

                    @Override
                    public void row(SnapshotRow row) {
                        arrived.add(row);
                    }
                });
        if (monitor.scorer().state().scored() > 0) {
            LOG.info(
                    "monitor of {} goes on from {} snapshots scored earlier (their rows are not shown again)",
                    directory,
                    monitor.scorer().state().scored());
        }
        stop = new AtomicBoolean();
        cancel = new CancellationToken();
        DirectoryMonitor m = monitor;
        AtomicBoolean stopFlag = stop;
        CancellationToken token = cancel;
        thread = new Thread(
                () -> {
                    Throwable problem = null;
                    try {
                        m.run(stopFlag::get, token.contextFor((done, total, message) -> {}));
                    } catch (CancelledException e) {
                        // Stop monitoring
                    } catch (Exception | Error e) {
                        problem = e;
                    }
                    Throwable p = problem;
                    Platform.runLater(() -> finished(m, p));
                },
                "bw-monitor");
        thread.setDaemon(true);
        running.set(true);
        alarm.set(null);
        status.set("Monitoring " + directory + " …");
        model.analysisProperty().set(null);
        model.physicsProperty().set(null);
        model.dataSourceProperty().set(directory.toAbsolutePath().normalize().toString());
        thread.start();
        pulse.play();
    }

    /** Stops after the snapshot being scored; the state is saved and the view keeps what it shows. */
    public void stop() {
        if (stop != null) {
            stop.set(true);
            cancel.cancel();
        }
    }

    private void finished(DirectoryMonitor m, Throwable problem) {
        drain();
        pulse.stop();
        try {
            m.close();
        } catch (Exception e) {
            LOG.warn("closing the monitor of {}: {}", dir, e.toString(), e);
        }
        running.set(false);
        status.set("Stopped monitoring " + dir + ": " + m.scorer().summary());
        if (problem != null) {
            LOG.error("monitoring {} failed", dir, problem);
            failed.accept(problem);
        }
    }

    /** Takes what arrived since the last pulse into the view, in one update. */
    private void drain() {
        List<StreamEvent> scored = new ArrayList<>();
        for (Object o = arrived.poll(); o != null; o = arrived.poll()) {
            if (o instanceof SnapshotRow r) {
                stream.rows.put(r.file(), r);
            } else if (o instanceof StreamEvent e) {
                if (e.kind() == StreamEvent.Kind.SNAPSHOT) {
                    scored.add(e);
                }
                if (e.kind() == StreamEvent.Kind.ALARM_START) {
                    alarm.set(String.format(
                            Locale.ROOT,
                            "ALARM since %s (%s): score %.3g > %.3g, largest error on %s",
                            FeatureCsv.ISO.format(e.time()),
                            e.file(),
                            e.score(),
                            e.threshold(),
                            e.topChannel()));
                } else if (e.kind() == StreamEvent.Kind.ALARM_END) {
                    alarm.set(null);
                }
            }
        }
        if (monitor != null) {
            String waiting = monitor.waitingFor();
            status.set((running.get() ? "Monitoring " : "Stopped monitoring ") + dir + ": "
                    + monitor.scorer().summary() + (waiting == null ? "" : "; waiting for " + waiting));
        }
        for (StreamEvent e : scored) {
            SnapshotRow r = stream.rows.remove(e.file());
            if (r != null) {
                add(r, e);
                unshown++;
            }
        }
        // while snapshots pour in (catching up) the views are redrawn once a second, else at once: a redraw of
        // every pane takes a good part of a second with software rendering, and the window must stay responsive
        long now = System.nanoTime();
        if (unshown > 0 && (scored.isEmpty() || now - lastShown >= 1_000_000_000L || !running.get())) {
            unshown = 0;
            lastShown = now;
            show();
        }
    }

    private void add(SnapshotRow r, StreamEvent e) {
        Stream s = stream;
        if (s.columns.isEmpty()) {
            r.values().keySet().forEach(c -> s.columns.put(c, new ArrayList<>())); // in an import's column order
        }
        s.times.add(r.time());
        s.files.add(r.file());
        s.samples.add(r.samples());
        s.columns.forEach((c, v) -> v.add(r.value(c)));
        s.score.add(e.score());
        s.errors.add(e.errors());
        double[][] raw = new double[bundle.model().columns().size()][1];
        for (int c = 0; c < raw.length; c++) {
            raw[c][0] = r.value(bundle.model().columns().get(c));
        }
        double[][] scaled = bundle.model().scaler().transform(raw);
        double[] row = new double[raw.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = scaled[c][0];
        }
        s.scaled.add(row);
    }

    /** The stream so far as the open data set and its analysis. */
    private void show() {
        if (!dir.toAbsolutePath()
                .normalize()
                .toString()
                .equals(model.dataSourceProperty().get())) {
            stop(); // the user opened other data: the monitor leaves the window to it
            return;
        }
        Stream s = stream;
        int n = s.times.size();
        Map<String, double[]> cols = new LinkedHashMap<>();
        s.columns.forEach((c, v) ->
                cols.put(c, v.stream().mapToDouble(Double::doubleValue).toArray()));
        FeatureTable table = FeatureTable.of(
                dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                dir,
                s.times,
                s.files,
                s.samples.stream().mapToInt(Integer::intValue).toArray(),
                cols);
        Scores scores = new Scores(
                s.score.stream().mapToDouble(Double::doubleValue).toArray(),
                s.errors.toArray(new double[0][]),
                s.scaled.toArray(new double[0][]));
        ImportResult previous = model.dataProperty().get();
        ImportResult data = new ImportResult(
                table,
                List.of(),
                table.channels().size(),
                0,
                0,
                monitor.description() != null ? monitor.description() : previous.description(),
                new DataSource(dir, monitor.format()));
        if (method == null) {
            method = new SavedThreshold(scoring.threshold(), "monitoring, " + scoring.thresholdSource());
        }
        AnomalyAnalysis a = AnomalyAnalysis.of(
                table, scores, Workflows.trainRows(table, bundle), scoring.channels(), method, scoring.rule());
        model.analysisProperty().set(null);
        model.dataProperty().set(data);
        model.trainUntilProperty().set(bundle.trainEnd()); // the model's healthy range, as it was trained
        model.thresholdMethodProperty().set(method);
        model.analysisProperty().set(a);
        LOG.debug("monitor view: {} rows", n);
    }
}
