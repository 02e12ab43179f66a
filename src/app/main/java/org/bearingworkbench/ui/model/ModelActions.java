package org.bearingworkbench.ui.model;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.pipeline.AnomalyAnalysis;
import org.bearingworkbench.pipeline.Workflows;
import org.bearingworkbench.ui.shell.Choosers;
import org.bearingworkbench.ui.shell.Frames;
import org.bearingworkbench.ui.shell.Scoring;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/**
 * The session's models: train one on the open data (the loss chart follows), open or save a bundle, import a Keras
 * model. Each joins the session's list and becomes the active one ({@link Scoring}).
 */
public final class ModelActions {
    /** How often the loss chart follows a training run (4 times a second: live, and no load on training). */
    public static final long LOSS_CHART_INTERVAL_NANOS = 250_000_000L;

    private final Session session;
    private final WorkbenchModel model;
    private final Scoring scoring;
    private Runnable pendingTraining; // a window's training asked for, starting at the next frame (JavaFX thread)

    public ModelActions(Session session, Scoring scoring) {
        this.session = session;
        this.model = session.model();
        this.scoring = scoring;
        session.onCancel(this::dropPendingTraining);
    }

    public void openModel(Path path) {
        session.tasks()
                .submit(
                        "Load model " + path.getFileName(),
                        ctx -> ModelBundle.load(path),
                        b -> {
                            b.persistenceRule()
                                    .map(PersistenceRule::parse)
                                    .ifPresent(r -> model.ruleProperty().set(r));
                            scoring.rememberOpened(b, path.getFileName().toString());
                        },
                        ex -> session.fail("Cannot open model " + path, ex));
    }

    /** Opens a Keras LSTM autoencoder with its scaler; its healthy range is the current split of the open data. */
    public void importKeras(Path h5, Path scalerJson) {
        FeatureTable table = model.table();
        if (table == null) {
            session.dialogs().error("No data", "Open the data set the Keras model should score first.");
            return;
        }
        var split = model.split();
        session.tasks()
                .submit(
                        "Import Keras model " + h5.getFileName(),
                        ctx -> Workflows.importKeras(table, h5, scalerJson, null, split),
                        b -> scoring.remember(b, h5.getFileName() + " (Keras)"),
                        ex -> session.fail("Cannot import the Keras model " + h5.getFileName(), ex));
    }

    public void saveModel(Path path) {
        ModelBundle b = model.bundleProperty().get();
        if (b == null) {
            session.dialogs().error("No model to save", "Train a model or open one first.");
            return;
        }
        AnomalyAnalysis a = model.analysisProperty().get();
        ModelBundle toSave = a == null
                ? b
                : b.withThreshold(a.threshold().value(), a.threshold().method())
                        .withPersistence(model.ruleProperty().get().toString());
        session.writeOutput(
                "Save model",
                path,
                (p, ctx) -> toSave.save(p),
                p -> {
                    model.modelSourceProperty().set(p.getFileName().toString());
                    model.markSaved();
                },
                "Cannot save the model");
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
            session.dialogs().error("No data", "Open a data set first.");
            return;
        }
        var split = model.split();
        model.history().clear();
        LossFeed feed = new LossFeed();
        Runnable start = () -> session.tasks()
                .submit(
                        "Training",
                        ctx -> Workflows.train(table, columns, split, config, feed::add, ctx),
                        r -> {
                            ImportResult trainedOn = model.dataProperty().get();
                            scoring.remember(
                                    ModelBundle.of(r).withDataSet(trainedOn == null ? null : trainedOn.description()),
                                    "trained here (" + r.history().size() + " epochs" + (r.stopped() ? ", stopped" : "")
                                            + ")");
                        },
                        ex -> {
                            showCurrentHistory();
                            failed.accept(ex);
                            session.fail("Training failed", ex);
                        });
        if (!session.inWindow()) {
            start.run();
            return;
        }
        // in a window, the run starts a frame later, once the chart emptied for it is drawn: drawn while the first
        // epochs ran, that took a core from them (the epochs 20-30% slower than the command line's)
        pendingTraining = start;
        Frames.afterNextFrame(() -> {
            if (pendingTraining == start) {
                pendingTraining = null;
                start.run();
            }
        });
    }

    /**
     * Epochs on their way to the loss chart: it follows at most every {@link #LOSS_CHART_INTERVAL_NANOS}, the first
     * time one interval after the click (drawn once per epoch, ~300 epochs/s on the study's model, it took the cores
     * from training); the finished model's history replaces the chart's at the end.
     */
    private final class LossFeed {
        private final ConcurrentLinkedQueue<EpochResult> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicLong lastShown = new AtomicLong(System.nanoTime());

        void add(EpochResult e) {
            pending.add(e);
            long now = System.nanoTime();
            if (now - lastShown.get() >= LOSS_CHART_INTERVAL_NANOS && scheduled.compareAndSet(false, true)) {
                lastShown.set(now);
                session.tasks().publish(this::flush);
            }
        }

        private void flush() {
            scheduled.set(false);
            List<EpochResult> batch = new ArrayList<>();
            EpochResult r;
            while ((r = pending.poll()) != null) {
                batch.add(r);
            }
            model.history().addAll(batch);
        }
    }

    /** A training asked for but not yet started (it starts at the next frame) never starts. */
    private void dropPendingTraining() {
        if (pendingTraining != null) {
            pendingTraining = null;
            showCurrentHistory();
        }
    }

    /** The loss chart shows the current model's history again (a training failed, or never started). */
    private void showCurrentHistory() {
        ModelBundle current = model.bundleProperty().get();
        model.history().setAll(current == null ? List.of() : current.history());
    }

    /** File > Open model…. */
    public void openModel() {
        File f = StartFolders.chosen(
                Choosers.file("Open a model bundle", "Bearing Workbench model", "*" + ModelBundle.EXTENSION)
                        .showOpenDialog(session.owner()));
        if (f != null) {
            openModel(f.toPath());
        }
    }

    /** File > Save model…. */
    public void saveModel() {
        FileChooser fc = Choosers.file("Save the model", "Bearing Workbench model", "*" + ModelBundle.EXTENSION);
        fc.setInitialFileName("model" + ModelBundle.EXTENSION);
        File f = StartFolders.chosen(fc.showSaveDialog(session.owner()));
        if (f != null) {
            saveModel(f.toPath());
        }
    }

    /** Model > Import Keras model…: asks for a Keras .h5 model, then for its scaler .json. */
    public void importKeras() {
        File h5 = StartFolders.chosen(Choosers.file("Import a Keras LSTM autoencoder", "Keras HDF5 model", "*.h5")
                .showOpenDialog(session.owner()));
        if (h5 == null) {
            return;
        }
        FileChooser sc = Choosers.file("The model's min-max scaler (data_min_, data_max_)", "Scaler JSON", "*.json");
        sc.setInitialDirectory(h5.getParentFile());
        File json = StartFolders.chosen(sc.showOpenDialog(session.owner()));
        if (json != null) {
            importKeras(h5.toPath(), json.toPath());
        }
    }
}
