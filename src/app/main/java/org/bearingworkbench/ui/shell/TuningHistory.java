package org.bearingworkbench.ui.shell;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.ThresholdMethod;

/**
 * Undo and redo of the tuning choices (threshold method and value, persistence rule, training split) of one data set
 * and model. Every change of those three properties, from any control, is recorded; a drag (the manual thresholds
 * while the mouse is pressed on a threshold chart, or less than {@link #COALESCE_NANOS} apart) is one step, so one
 * Undo puts the line back where the drag started. A new data set or another active model starts a fresh history
 * (their tunings are not each other's).
 */
public final class TuningHistory {
    /** Changes closer than this to the previous one, both manual thresholds, are one drag. */
    static final long COALESCE_NANOS = 600_000_000L;

    private static final int LIMIT = 200;

    /** One point of the tuning: what Undo restores. */
    record Tuning(ThresholdMethod method, PersistenceRule rule, LocalDateTime trainUntil) {}

    private final WorkbenchModel model;
    private final LongSupplier clock;
    private final Deque<Tuning> undo = new ArrayDeque<>();
    private final Deque<Tuning> redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private Tuning current;
    private long lastChange;
    private boolean restoring;

    public TuningHistory(WorkbenchModel model) {
        this(model, System::nanoTime);
    }

    TuningHistory(WorkbenchModel model, LongSupplier clock) {
        this.model = model;
        this.clock = clock;
        current = now();
        model.thresholdMethodProperty().addListener((o, a, b) -> changed());
        model.ruleProperty().addListener((o, a, b) -> changed());
        model.trainUntilProperty().addListener((o, a, b) -> changed());
        model.bundleProperty().addListener((o, a, b) -> reset());
        model.dataProperty().addListener((o, a, d) -> {
            if (a == null || d == null || !WorkbenchModel.sameRun(a.table(), d.table())) {
                reset();
            }
        });
    }

    private Tuning now() {
        return new Tuning(
                model.thresholdMethodProperty().get(),
                model.ruleProperty().get(),
                model.trainUntilProperty().get());
    }

    private void changed() {
        Tuning next = now();
        if (restoring || next.equals(current)) {
            return;
        }
        long t = clock.getAsLong();
        // a method appearing (a model has just scored the data) or a drag continuing is not a step of its own
        boolean fresh = current.method() == null && current.trainUntil() != null;
        boolean drag = current.method() instanceof ManualThreshold
                && next.method() instanceof ManualThreshold
                && (model.thresholdGestureProperty().get() || t - lastChange < COALESCE_NANOS)
                && !undo.isEmpty()
                && equalBut(current, next);
        // before a model exists the split is the one tuning there is: moving it is a step too
        boolean splitBeforeModel = current.method() == null
                && next.method() == null
                && current.trainUntil() != null
                && next.trainUntil() != null;
        if (splitBeforeModel || !fresh && !drag && current.method() != null && next.method() != null) {
            undo.push(current);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        current = next;
        lastChange = t;
        update();
    }

    private static boolean equalBut(Tuning a, Tuning b) {
        return a.rule().equals(b.rule()) && Objects.equals(a.trainUntil(), b.trainUntil());
    }

    /** Forgets every step: the current tuning is the start. */
    void reset() {
        undo.clear();
        redo.clear();
        current = now();
        update();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(current);
            restore(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(current);
            restore(redo.pop());
        }
    }

    private void restore(Tuning t) {
        restoring = true;
        try {
            model.trainUntilProperty().set(t.trainUntil());
            model.ruleProperty().set(t.rule());
            model.thresholdMethodProperty().set(t.method());
        } finally {
            restoring = false;
        }
        current = now();
        lastChange = 0;
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }
}
