package org.bearingworkbench.ui.shell;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.SavedThreshold;
import org.bearingworkbench.detect.ThresholdMethod;
import org.bearingworkbench.detect.Thresholds;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.Workflows;

/**
 * The session's models and the analysis they give: which model of the session is active, the open data scored with
 * it (the same {@link Workflows#analyze} call as {@code score --model}), and a second model scored beside it. Scoring
 * waits for the defect indicators the physics pass is still adding, and says once per data set when a model does not
 * fit it.
 */
public final class Scoring {
    private final Session session;
    private final WorkbenchModel model;
    /** Each model's threshold while another is active (a manual one is kept through switching). */
    private final Map<ModelEntry, ThresholdMethod> thresholds = new IdentityHashMap<>();

    private ModelBundle warnedFor;
    private ModelBundle opened;
    private ModelBundle restoredProject;
    private FeatureTable unfitWarned;
    /** A model waits for the defect indicators the physics pass adds to the open data (then it scores). */
    private boolean scoreAfterPhysics;

    public Scoring(Session session) {
        this.session = session;
        this.model = session.model();
    }

    /** Adds a model to the session's list (the previous ones stay) and makes it the active one. */
    public void remember(ModelBundle b, String source) {
        ModelEntry e = new ModelEntry(model.models().size() + 1, source, b);
        model.models().add(e);
        activate(e);
    }

    /** Like {@link #remember}, for a model read from a file: as saved until its threshold or rule changes. */
    public void rememberOpened(ModelBundle b, String source) {
        remember(b, source);
        opened = b;
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

    /** Makes a project's active model active with the project's threshold: the session is as saved once scored. */
    public void activateRestored(ModelEntry e, ThresholdMethod method) {
        restoredProject = e.bundle();
        opened = e.bundle();
        activate(e, method);
    }

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
        session.tasks()
                .submit(
                        "Scoring " + e.source() + " for comparison",
                        ctx -> Workflows.analyze(table, e.bundle(), null, rule, perBearing, ctx),
                        a -> {
                            if (model.table() == table) {
                                model.comparisonProperty().set(new WorkbenchModel.Comparison(e, a));
                            }
                        },
                        ex -> session.fail("Cannot score this data with " + e.source(), ex));
    }

    /**
     * Whether the window's physics pass has still to add the defect indicators to {@code data}: raw snapshots whose
     * sample rate, bearing and speed are known, and a table without them yet.
     */
    public static boolean physicsPending(ImportResult data) {
        return data != null
                && data.rawSource().isPresent()
                && data.description().missingForPhysics().isEmpty()
                && !ColumnSelection.hasDefectIndicators(data.table());
    }

    /** The physics pass added its indicators to the open data: a model that waited for them scores now. */
    void physicsAdded() {
        if (scoreAfterPhysics) {
            scoreAfterPhysics = false;
            rescore();
        }
    }

    /** Scores the open data with the current model (when both exist) and applies the current threshold method. */
    public void rescore() {
        FeatureTable table = model.table();
        ModelBundle b = model.bundleProperty().get();
        if (table == null || b == null) {
            return;
        }
        List<String> missing =
                b.model().columns().stream().filter(c -> !table.hasColumn(c)).toList();
        if (!missing.isEmpty()
                && physicsPending(model.dataProperty().get())
                && missing.stream().allMatch(ColumnSelection::namesDefectIndicator)) {
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
                session.dialogs()
                        .warning(
                                "The active model does not fit this data",
                                "It reads " + missing + ", which this data does not have, so the data is not scored."
                                        + " Train a model on it (Model tab) or make another model active.");
            }
            return;
        }
        score(table, b);
    }

    private void score(FeatureTable table, ModelBundle b) {
        ThresholdMethod chosen = model.thresholdMethodProperty().get();
        // data after the model's healthy range has no training rows to fit a method on: the model's saved threshold
        // (or a value the user set by hand) applies
        ThresholdMethod method =
                Workflows.trainRows(table, b) < 2 && !(chosen instanceof ManualThreshold) ? null : chosen;
        var rule = model.ruleProperty().get();
        int perBearing = model.channelsPerBearingProperty().get();
        ImportResult data = model.dataProperty().get();
        List<String> differences = b.differencesFrom(data == null ? null : data.description());
        session.tasks()
                .submit(
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
                                                    : Thresholds.parse(
                                                            a.threshold().method(), rule));
                            if (restoredProject == b) {
                                restoredProject = null;
                                model.markProjectSaved(); // as the project was saved
                            }
                            warnIfUnlike(b, differences);
                        },
                        ex -> {
                            model.analysisProperty().set(null);
                            session.fail("Cannot score this data with the model", ex);
                        });
    }

    private void warnIfUnlike(ModelBundle b, List<String> differences) {
        if (!differences.isEmpty() && warnedFor != b) {
            warnedFor = b;
            session.dialogs()
                    .warning(
                            "This data differs from the model's training data",
                            String.join("\n", differences)
                                    + "\n\nThe scores compare unlike signals; read them with care.");
        }
    }
}
