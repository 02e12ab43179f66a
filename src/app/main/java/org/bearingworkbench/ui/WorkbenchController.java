package org.bearingworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.project.Project;
import org.bearingworkbench.project.ProjectFile;
import org.bearingworkbench.report.AnomalyReportCsv;
import org.bearingworkbench.report.IncidentReport;
import org.bearingworkbench.report.IncidentReportHtml;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.CoreTask;
import org.bearingworkbench.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window's menus and buttons do: each action runs the core off the FX thread through {@link FxTasks} and
 * publishes its result into the {@link WorkbenchModel}; failures become dialogs with the core's message.
 */
public final class WorkbenchController {
    /** How often the loss chart follows a training run (4 times a second: live, and no load on training). */
    static final long LOSS_CHART_INTERVAL_NANOS = 250_000_000L;

    private ModelBundle warnedFor;
    private ModelBundle opened;
    private ModelBundle restoredProject;
    private Runnable recentChanged = () -> {};
    private Runnable pendingTraining; // a window's training asked for, starting at the next frame (JavaFX thread)
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchController.class);
    private final WorkbenchModel model;
    private final TaskExecutor tasks;
    private final FxTasks fxTasks;
    private final DialogService dialogs;
    private final RecentDataSets recent;
    private final RecentDataSets recentProjects;
    private final String prefsNode;

    public WorkbenchController(WorkbenchModel model, FxTasks tasks, String prefsNode, Supplier<Window> owner) {
        this(model, tasks, tasks, new FxDialogs(owner), prefsNode);
    }

    /**
     * A controller on any executor and dialog service: with {@link org.bearingworkbench.task.SyncTaskExecutor} and a
     * recording service its actions run to the end on the calling thread (tests without a window).
     */
    public WorkbenchController(WorkbenchModel model, TaskExecutor tasks, DialogService dialogs, String prefsNode) {
        this(model, tasks, null, dialogs, prefsNode);
    }

    private WorkbenchController(
            WorkbenchModel model, TaskExecutor tasks, FxTasks fxTasks, DialogService dialogs, String prefsNode) {
        this.model = model;
        this.tasks = tasks;
        this.fxTasks = fxTasks;
        this.dialogs = dialogs;
        this.recent = new RecentDataSets(prefsNode);
        this.recentProjects = new RecentDataSets(prefsNode, "recent-project.");
        this.prefsNode = prefsNode;
    }

    /** Called when the recent lists change other than by opening data (a project saved). */
    void onRecentChanged(Runnable r) {
        recentChanged = r;
    }

    /** Where this window keeps its preferences (recent data sets, bearing geometry). */
    String prefsNode() {
        return prefsNode;
    }

    /** The window's task lanes (the panes' views and jobs); null for a controller made without a window. */
    public FxTasks tasks() {
        return fxTasks;
    }

    List<Path> recentDataSets() {
        return recent.list();
    }

    List<Path> recentProjects() {
        return recentProjects.list();
    }

    private void fail(String what, Throwable ex) {
        LOG.error("{}: {}", what, Dialogs.describe(ex), ex);
        dialogs.error(what, Dialogs.describe(ex));
    }

    public void openData(Path path) {
        openData(path, UserSettings.NONE);
    }

    /** Opens {@code path} with what the user said about it (remembered for the directory). */
    public void openData(Path path, UserSettings settings) {
        openData(path, settings, ctx -> DataSets.open(path, settings, ctx));
    }

    /** Opens the data set whose import began before the window did (the one it starts with). */
    void openData(EarlyImport early) {
        openData(early.path(), UserSettings.NONE, early::takeOver);
    }

    private void openData(Path path, UserSettings settings, CoreTask<ImportResult> importing) {
        tasks.submit(
                "Import " + path.getFileName(),
                importing,
                result -> {
                    var before = model.analysisProperty().get();
                    showData(path, settings, result);
                    if (before != null && model.bundleProperty().get() != null) {
                        // another data set is scored with the threshold in force, as `score --model` scores it
                        // with the one saved: never re-fitted on the new data's rows
                        model.thresholdMethodProperty()
                                .set(new SavedThreshold(
                                        before.threshold().value(),
                                        before.threshold().method()));
                    }
                    rescore();
                },
                ex -> fail("Cannot open " + path, ex));
    }

    /** Makes {@code result} the open data set (the split goes to its default; the caller scores). */
    private void showData(Path path, UserSettings settings, ImportResult result) {
        model.analysisProperty().set(null);
        model.dataSourceProperty().set(path.toAbsolutePath().normalize().toString());
        model.setDataSettings(Files.isDirectory(path) ? DataSets.withRemembered(path, settings) : settings);
        model.physicsProperty().set(null);
        applyDescription(result);
        result.description().channelsPerBearing().ifPresent(model.channelsPerBearingProperty()::set);
        model.dataProperty().set(result);
        recent.add(path);
        if (result.description().geometry().isPresent()) {
            if (fxTasks == null) {
                computePhysics();
            } else {
                // in a window: after the frame that draws the data and the next, where its table fills
                // (FeatureTableView.showAfterNextFrame); the pass takes both cores while it runs
                Frames.afterFrames(2, () -> {
                    if (model.dataProperty().get() == result) {
                        computePhysics();
                    }
                });
            }
        }
    }

    /**
     * Saves the session as a project: data source and settings, split, every model (the active one with the current
     * threshold and rule), and {@code layout} (the window's, opaque here).
     */
    public void saveProject(Path path, Map<String, String> layout) {
        if (model.table() == null) {
            dialogs.error("Nothing to save", "Open a data set first.");
            return;
        }
        ThresholdMethod method = model.thresholdMethodProperty().get();
        List<Project.SessionModel> models = new ArrayList<>();
        int active = -1;
        for (ModelEntry e : model.models()) {
            if (e.bundle() == model.bundleProperty().get()) {
                active = models.size();
            }
            models.add(new Project.SessionModel(e.source(), e.bundle()));
        }
        var project = new Project(
                Path.of(model.dataSourceProperty().get()),
                model.dataSettings(),
                model.trainUntilProperty().get(),
                models,
                models.isEmpty() ? -1 : Math.max(0, active),
                method == null ? null : method.id(),
                model.ruleProperty().get().toString(),
                model.channelsPerBearingProperty().get(),
                layout);
        tasks.submit(
                "Save project",
                ctx -> {
                    OutputFiles.checkFile(path, dataInputs());
                    ProjectFile.save(project, path);
                    return path;
                },
                p -> {
                    model.markProjectSaved();
                    recentProjects.add(p);
                    recentChanged.run();
                },
                ex -> fail("Cannot save the project", ex));
    }

    /**
     * Opens a project: its data set, split, models, threshold and rule, scored as when it was saved; {@code layout}
     * hears the window's layout once the data is shown.
     */
    public void openProject(Path path, Consumer<Map<String, String>> layout) {
        record Opened(Project project, ImportResult data) {}
        tasks.submit(
                "Open project " + path.getFileName(),
                ctx -> {
                    var p = ProjectFile.load(path);
                    return new Opened(p, DataSets.open(p.dataSource(), p.settings(), ctx));
                },
                o -> {
                    var p = o.project();
                    recentProjects.add(path);
                    showData(p.dataSource(), p.settings(), o.data());
                    if (p.trainUntil() != null) {
                        model.trainUntilProperty().set(p.trainUntil());
                    }
                    model.channelsPerBearingProperty().set(p.channelsPerBearing());
                    model.ruleProperty().set(PersistenceRule.parse(p.persistence()));
                    model.models().clear();
                    ModelEntry active = null;
                    for (int i = 0; i < p.models().size(); i++) {
                        var m = p.models().get(i);
                        ModelEntry e = new ModelEntry(i + 1, m.source(), m.bundle());
                        model.models().add(e);
                        active = i == p.active() ? e : active;
                    }
                    layout.accept(p.layout());
                    if (active == null) {
                        model.bundleProperty().set(null);
                        model.history().clear();
                        model.markProjectSaved();
                        return;
                    }
                    ThresholdMethod method = p.thresholdMethod() == null
                            ? null
                            : Thresholds.parse(
                                    p.thresholdMethod(), model.ruleProperty().get());
                    restoredProject = active.bundle();
                    opened = active.bundle();
                    activate(active, method);
                },
                ex -> fail("Cannot open the project " + path, ex));
    }

    /**
     * Physics from the data set's own description (sample rate, bearing, speed) over the user's analysis settings
     * (band, harmonics, tolerance); where the description lacks a value, the physics pass waits for it.
     */
    private void applyDescription(ImportResult result) {
        try {
            model.physicsSettingsProperty()
                    .set(result.description()
                            .physics(model.physicsSettingsProperty().get()));
        } catch (IllegalStateException e) {
            LOG.info("no physics for {}: {}", result.table().name(), e.getMessage());
        }
    }

    /**
     * Computes the defect indicators and spectrogram of the open run in the background, then adds the indicator
     * columns to the table (keeping the split and the selection). Feature CSVs have no raw files: nothing to do.
     */
    public void computePhysics() {
        ImportResult data = model.dataProperty().get();
        if (data == null
                || data.rawSource().isEmpty()
                || !data.description().sampleRateHz().known()) {
            return;
        }
        PhysicsSettings settings = model.physicsSettingsProperty().get();
        tasks.background(
                "Bearing physics",
                ctx -> RunPhysics.compute(data, settings, ctx),
                physics -> {
                    if (model.dataProperty().get() != data) {
                        return;
                    }
                    model.dataProperty().set(data.withTable(physics.addTo(data.table())));
                    model.physicsProperty().set(physics);
                    if (scoreAfterPhysics) {
                        scoreAfterPhysics = false;
                        rescore();
                    }
                },
                ex -> fail("Bearing physics failed", ex));
    }

    public void openModel(Path path) {
        tasks.submit(
                "Load model " + path.getFileName(),
                ctx -> ModelBundle.load(path),
                b -> {
                    b.persistenceRule()
                            .map(PersistenceRule::parse)
                            .ifPresent(r -> model.ruleProperty().set(r));
                    remember(b, path.getFileName().toString());
                    opened = b;
                },
                ex -> fail("Cannot open model " + path, ex));
    }

    /** Adds a model to the session's list (the previous ones stay) and makes it the active one. */
    private void remember(ModelBundle b, String source) {
        ModelEntry e = new ModelEntry(model.models().size() + 1, source, b);
        model.models().add(e);
        activate(e);
    }

    /** Makes a model of the session's list the active one: it drives every view. */
    public void activate(ModelEntry e) {
        ModelBundle current = model.bundleProperty().get();
        ThresholdMethod method = model.thresholdMethodProperty().get();
        model.models().stream()
                .filter(m -> m.bundle() == current && m != e)
                .findFirst()
                .ifPresent(m -> {
                    if (method != null) {
                        thresholds.put(m, method); // the threshold it had comes back with it
                    }
                });
        activate(e, thresholds.get(e));
    }

    /** Each model's threshold while another is active (a manual one is kept through switching). */
    private final Map<ModelEntry, ThresholdMethod> thresholds = new IdentityHashMap<>();

    /** Makes a model active with a threshold method ({@code null}: the model's saved threshold or the default). */
    private void activate(ModelEntry e, ThresholdMethod method) {
        model.modelSourceProperty().set(e.source());
        model.bundleProperty().set(e.bundle());
        model.history().setAll(e.bundle().history());
        model.thresholdMethodProperty().set(method);
        rescore();
    }

    /**
     * Scores the open data with another model of the session (its own saved threshold, else the default method,
     * under the current persistence rule) to show beside the active one; null clears the comparison.
     */
    public void compareWith(ModelEntry e) {
        FeatureTable table = model.table();
        if (e == null || table == null || e.bundle() == model.bundleProperty().get()) {
            model.comparisonProperty().set(null);
            return;
        }
        var rule = model.ruleProperty().get();
        int perBearing = model.channelsPerBearingProperty().get();
        tasks.submit(
                "Scoring " + e.source() + " for comparison",
                ctx -> Workflows.analyze(table, e.bundle(), null, rule, perBearing, ctx),
                a -> {
                    if (model.table() == table) {
                        model.comparisonProperty().set(new WorkbenchModel.Comparison(e, a));
                    }
                },
                ex -> fail("Cannot score this data with " + e.source(), ex));
    }

    /** Opens a Keras LSTM autoencoder with its scaler; its healthy range is the current split of the open data. */
    public void importKeras(Path h5, Path scalerJson) {
        FeatureTable table = model.table();
        if (table == null) {
            dialogs.error("No data", "Open the data set the Keras model should score first.");
            return;
        }
        var split = model.split();
        tasks.submit(
                "Import Keras model " + h5.getFileName(),
                ctx -> Workflows.importKeras(table, h5, scalerJson, null, split),
                b -> {
                    remember(b, h5.getFileName() + " (Keras)");
                },
                ex -> fail("Cannot import the Keras model " + h5.getFileName(), ex));
    }

    public void saveModel(Path path) {
        ModelBundle b = model.bundleProperty().get();
        if (b == null) {
            dialogs.error("No model to save", "Train a model or open one first.");
            return;
        }
        AnomalyAnalysis a = model.analysisProperty().get();
        ModelBundle toSave = a == null
                ? b
                : b.withThreshold(a.threshold().value(), a.threshold().method())
                        .withPersistence(model.ruleProperty().get().toString());
        tasks.submit(
                "Save model",
                ctx -> {
                    OutputFiles.checkFile(path, dataInputs());
                    toSave.save(path);
                    return path;
                },
                p -> {
                    model.modelSourceProperty().set(p.getFileName().toString());
                    model.markSaved();
                },
                ex -> fail("Cannot save the model", ex));
    }

    /** The open data set's source (a feature CSV or a directory): never an output. */
    private List<Path> dataInputs() {
        String src = model.dataSourceProperty().get();
        return src == null ? List.of() : List.of(Path.of(src));
    }

    public void exportReport(Path path, boolean onlyFlagged) {
        AnomalyAnalysis a = model.analysisProperty().get();
        if (a == null) {
            dialogs.error("Nothing to export", "Open data and train (or open) a model first.");
            return;
        }
        ModelBundle b = model.bundleProperty().get();
        ImportResult data = model.dataProperty().get();
        var prov = AnomalyReportCsv.Provenance.of(
                model.dataSourceProperty().get(),
                model.modelSourceProperty().get(),
                b,
                data == null ? List.of() : data.skipped());
        tasks.submit(
                "Export report",
                ctx -> {
                    OutputFiles.checkFile(path, dataInputs());
                    AnomalyReportCsv.write(a, prov, onlyFlagged, path);
                    return path;
                },
                p -> {},
                ex -> fail("Cannot export the report", ex));
    }

    /**
     * Writes the incident report (HTML) of the analysis on screen: gathered in the background with progress (the
     * envelope analysis of the alarm file, the baseline detectors, the remaining life), written atomically.
     */
    public void exportIncidentReport(Path path, Consumer<Path> written) {
        AnomalyAnalysis a = model.analysisProperty().get();
        ImportResult data = model.dataProperty().get();
        if (a == null || data == null) {
            dialogs.error("Nothing to report", "Open data and train (or open) a model first.");
            return;
        }
        ModelBundle b = model.bundleProperty().get();
        var method = model.thresholdMethodProperty().get();
        var rule = model.ruleProperty().get();
        int perBearing = model.channelsPerBearingProperty().get();
        var physics = model.physicsSettingsProperty().get();
        String source = model.dataSourceProperty().get();
        String modelSource = model.modelSourceProperty().get();
        var lifeModel = model.lifeModelProperty().get();
        tasks.submit(
                "Incident report",
                ctx -> {
                    OutputFiles.checkFile(path, dataInputs());
                    var report = IncidentReport.assemble(
                            data,
                            source,
                            b,
                            modelSource,
                            a,
                            method,
                            rule,
                            perBearing,
                            physics,
                            IncidentReport.Options.all().withLifeModel(lifeModel),
                            ctx);
                    IncidentReportHtml.write(report, path);
                    return path;
                },
                written,
                ex -> fail("Cannot write the incident report", ex));
    }

    /** Trains on the open data with the current split; every finished epoch lands in the model's history. */
    public void train(ModelConfig config, String columns) {
        train(config, columns, ex -> {});
    }

    /**
     * Trains on the open data; on failure the current model and its loss history stay, and {@code failed} hears why
     * (the Model pane replaces its "Starting…" with the reason).
     */
    public void train(ModelConfig config, String columns, Consumer<Throwable> failed) {
        FeatureTable table = model.table();
        if (table == null) {
            dialogs.error("No data", "Open a data set first.");
            return;
        }
        var split = model.split();
        model.history().clear();
        ConcurrentLinkedQueue<EpochResult> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        AtomicLong lastShown = new AtomicLong(System.nanoTime());
        Runnable start = () -> tasks.submit(
                "Training",
                ctx -> Workflows.train(
                        table,
                        columns,
                        split,
                        config,
                        e -> {
                            // the loss chart follows at most every LOSS_CHART_INTERVAL, the first time one interval
                            // after the click: drawing it once per epoch (~300 epochs/s on the study's model) took the
                            // cores from training; the finished model's history replaces the chart's at the end
                            pending.add(e);
                            long now = System.nanoTime();
                            if (now - lastShown.get() >= LOSS_CHART_INTERVAL_NANOS
                                    && scheduled.compareAndSet(false, true)) {
                                lastShown.set(now);
                                tasks.publish(() -> {
                                    scheduled.set(false);
                                    List<EpochResult> batch = new ArrayList<>();
                                    EpochResult r;
                                    while ((r = pending.poll()) != null) {
                                        batch.add(r);
                                    }
                                    model.history().addAll(batch);
                                });
                            }
                        },
                        ctx),
                r -> {
                    ImportResult trainedOn = model.dataProperty().get();
                    remember(
                            ModelBundle.of(r).withDataSet(trainedOn == null ? null : trainedOn.description()),
                            "trained here (" + r.history().size() + " epochs" + (r.stopped() ? ", stopped" : "") + ")");
                },
                ex -> {
                    showCurrentHistory();
                    failed.accept(ex);
                    fail("Training failed", ex);
                });
        if (fxTasks == null) {
            start.run();
            return;
        }
        // in a window, the run starts a frame later, once the chart emptied for it is drawn: drawn while the first
        // epochs ran, that took a core from them (issue 18: the epochs 20-30% slower than the command line's)
        pendingTraining = start;
        Frames.afterNextFrame(() -> {
            if (pendingTraining == start) {
                pendingTraining = null;
                start.run();
            }
        });
    }

    public void stop() {
        if (pendingTraining != null) { // asked to stop in the frame before its start: it never starts
            pendingTraining = null;
            showCurrentHistory();
        }
        tasks.cancel();
    }

    /** The loss chart shows the current model's history again (a training failed, or never started). */
    private void showCurrentHistory() {
        ModelBundle current = model.bundleProperty().get();
        model.history().setAll(current == null ? List.of() : current.history());
    }

    /** Scores the open data with the current model (when both exist) and applies the current threshold method. */
    private FeatureTable unfitWarned;

    /** A model waits for the defect indicators the physics pass adds to the open data (then it scores). */
    private boolean scoreAfterPhysics;

    /** Whether the physics pass will add {@code missing}: all are defect indicators and the pass is pending. */
    private boolean physicsWillAdd(List<String> missing) {
        return physicsPending(model.dataProperty().get())
                && missing.stream().allMatch(ColumnSelection::namesDefectIndicator);
    }

    /**
     * Whether the window's physics pass has still to add the defect indicators to {@code data}: raw snapshots whose
     * sample rate, bearing and speed are known, and a table without them yet.
     */
    static boolean physicsPending(ImportResult data) {
        return data != null
                && data.rawSource().isPresent()
                && data.description().missingForPhysics().isEmpty()
                && !ColumnSelection.hasDefectIndicators(data.table());
    }

    public void rescore() {
        FeatureTable table = model.table();
        ModelBundle b = model.bundleProperty().get();
        if (table == null || b == null) {
            return;
        }
        List<String> missing =
                b.model().columns().stream().filter(c -> !table.hasColumn(c)).toList();
        if (!missing.isEmpty() && physicsWillAdd(missing)) {
            // the model reads defect indicators that the physics pass is computing for this data: scored then
            model.analysisProperty().set(null);
            scoreAfterPhysics = true;
            return;
        }
        if (!missing.isEmpty()) {
            // a model of another rig (e.g. four channels on two): not an error of the user's, said once per data set
            model.analysisProperty().set(null);
            if (unfitWarned != table) {
                unfitWarned = table;
                dialogs.warning(
                        "The active model does not fit this data",
                        "It reads " + missing + ", which this data does not have, so the data is not scored. Train"
                                + " a model on it (Model tab) or make another model active.");
            }
            return;
        }
        ThresholdMethod chosen = model.thresholdMethodProperty().get();
        // data after the model's healthy range has no training rows to fit a method on: the model's saved threshold
        // (or a value the user set by hand) applies
        ThresholdMethod method =
                Workflows.trainRows(table, b) < 2 && !(chosen instanceof ManualThreshold) ? null : chosen;
        var rule = model.ruleProperty().get();
        int perBearing = model.channelsPerBearingProperty().get();
        ImportResult data = model.dataProperty().get();
        List<String> differences = b.differencesFrom(data == null ? null : data.description());
        tasks.submit(
                "Scoring",
                ctx -> Workflows.analyze(table, b, method, rule, perBearing, ctx),
                a -> {
                    model.analysisProperty().set(a);
                    if (opened == b) {
                        opened = null;
                        model.markSaved(); // as it was saved: nothing to lose yet
                    }
                    model.thresholdMethodProperty()
                            .set(
                                    a.trainRows() == 0 || chosen instanceof SavedThreshold
                                            ? new SavedThreshold(
                                                    a.threshold().value(),
                                                    a.threshold().method())
                                            : Thresholds.parse(a.threshold().method(), rule));
                    if (restoredProject == b) {
                        restoredProject = null;
                        model.markProjectSaved(); // as the project was saved
                    }
                    if (!differences.isEmpty() && warnedFor != b) {
                        warnedFor = b;
                        dialogs.warning(
                                "This data differs from the model's training data",
                                String.join("\n", differences)
                                        + "\n\nThe scores compare unlike signals; read them with care.");
                    }
                },
                ex -> {
                    model.analysisProperty().set(null);
                    fail("Cannot score this data with the model", ex);
                });
    }
}
