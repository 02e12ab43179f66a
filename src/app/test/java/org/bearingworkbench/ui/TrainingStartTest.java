package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bearingworkbench.model.EpochResult;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the window a training starts a frame after it is asked for (the chart emptied for it is drawn first, not while
 * the first epochs run); a stop in that frame means it never starts and the chart shows the current model again.
 */
class TrainingStartTest {
    private static WorkbenchModel model;
    private static Workbench wb;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        TestWindow w = TestWindow.withSampleData("org/bearingworkbench/test-ui-training-start");
        model = w.model();
        wb = w.wb();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void startsAFrameLaterAndAStopBeforeThenMeansItNeverStarts() throws Exception {
        AtomicBoolean runningAtOnce = new AtomicBoolean(true);
        robot.interact(() -> {
            wb.models().train(ModelConfig.defaults().withEpochs(3), null);
            runningAtOnce.set(wb.tasks().runningProperty().get());
        });
        assertFalse(runningAtOnce.get(), "the training's task was started before the next frame");
        TestWindow.waitFor(
                120,
                () -> model.models().size() == 1 && model.analysisProperty().get() != null);
        TestWindow.waitFor(60, () -> !wb.tasks().runningProperty().get());
        List<EpochResult> trained = List.copyOf(model.bundleProperty().get().history());
        assertEquals(3, trained.size());

        robot.interact(() -> {
            wb.models().train(ModelConfig.defaults().withEpochs(3), null);
            wb.session().cancel();
        });
        Thread.sleep(500); // frames enough for a start that was not dropped to begin and end
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.models().size(), "a training stopped before its start ran anyway");
        assertFalse(wb.tasks().runningProperty().get());
        assertEquals(trained, List.copyOf(model.history()), "the chart shows the current model's loss again");
        assertTrue(model.bundleProperty().get().history().equals(trained));
    }
}
