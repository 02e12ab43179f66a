package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.bearingworkbench.detect.ManualThreshold;
import org.bearingworkbench.detect.PersistenceRule;
import org.bearingworkbench.detect.Thresholds;
import org.junit.jupiter.api.Test;

/** Undo/redo bookkeeping without a window: which changes are steps, which are one drag, which start afresh. */
class TuningHistoryTest {
    private long now;
    private final WorkbenchModel model = new WorkbenchModel();
    private final TuningHistory h = new TuningHistory(model, () -> now);

    private void at(long millis, Runnable change) {
        now = millis * 1_000_000L;
        change.run();
    }

    @Test
    void aDragIsOneStepAndASplitAndRuleAreStepsOfTheirOwn() {
        model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T19:50"));
        var robust = Thresholds.parse("robust:3", PersistenceRule.defaults());
        at(0, () -> model.thresholdMethodProperty().set(robust)); // a model scored the data: not a step
        assertFalse(h.canUndoProperty().get());
        at(1000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.5)));
        at(1100, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.6)));
        at(1200, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.7)));
        at(5000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.9))); // a second drag later
        at(6000, () -> model.ruleProperty().set(new PersistenceRule(2, 3)));
        at(7000, () -> model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T18:00")));

        h.undo();
        assertEquals(
                LocalDateTime.parse("2025-03-01T19:50"),
                model.trainUntilProperty().get());
        h.undo();
        assertEquals(PersistenceRule.defaults(), model.ruleProperty().get());
        h.undo();
        assertEquals(new ManualThreshold(0.7), model.thresholdMethodProperty().get());
        h.undo();
        assertEquals(robust, model.thresholdMethodProperty().get());
        assertFalse(h.canUndoProperty().get());
        h.redo();
        h.redo();
        assertEquals(new ManualThreshold(0.9), model.thresholdMethodProperty().get());
        at(9000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.3)));
        assertFalse(h.canRedoProperty().get(), "a new change ends the redo list");
        h.undo();
        assertEquals(new ManualThreshold(0.9), model.thresholdMethodProperty().get());
    }

    @Test
    void aSlowDragIsStillOneStepWhileTheMouseIsPressed() {
        model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T19:50"));
        var robust = Thresholds.parse("robust:3", PersistenceRule.defaults());
        at(0, () -> model.thresholdMethodProperty().set(robust));
        model.thresholdGestureProperty().set(true);
        at(1000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.5)));
        at(5000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.6))); // a loaded machine: 4 s
        at(9000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.7)));
        model.thresholdGestureProperty().set(false);
        h.undo();
        assertEquals(robust, model.thresholdMethodProperty().get(), "the whole drag is one step");
        assertFalse(h.canUndoProperty().get());
    }

    @Test
    void aSplitMovedBeforeAnyModelCanBeUndone() {
        model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T19:50")); // the data's default: not a step
        assertFalse(h.canUndoProperty().get());
        at(1000, () -> model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T12:00")));
        at(2000, () -> model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T15:00")));
        assertTrue(h.canUndoProperty().get());
        h.undo();
        assertEquals(
                LocalDateTime.parse("2025-03-01T12:00"),
                model.trainUntilProperty().get());
        h.undo();
        assertEquals(
                LocalDateTime.parse("2025-03-01T19:50"),
                model.trainUntilProperty().get());
        assertFalse(h.canUndoProperty().get());
        h.redo();
        assertEquals(
                LocalDateTime.parse("2025-03-01T12:00"),
                model.trainUntilProperty().get());
    }

    @Test
    void anotherModelStartsAFreshHistory() {
        model.trainUntilProperty().set(LocalDateTime.parse("2025-03-01T19:50"));
        at(0, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.5)));
        at(1000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.9)));
        assertTrue(h.canUndoProperty().get());
        h.reset();
        assertFalse(h.canUndoProperty().get());
        at(2000, () -> model.thresholdMethodProperty().set(null)); // the next model has not scored yet
        at(3000, () -> model.thresholdMethodProperty().set(new ManualThreshold(0.4)));
        assertFalse(h.canUndoProperty().get(), "neither clearing nor the first method is a step");
    }
}
