package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.bearingworkbench.SampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare detectors tab in the real window (headless), on the sample run with the stored model. */
class ComparePaneTest {
    private static Stage stage;
    private static WorkbenchModel model;
    private static WorkbenchController controller;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void openWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            model = new WorkbenchModel();
            controller = new WorkbenchController(model, new FxTasks(), "org/bearingworkbench/test-ui-compare", () -> stage);
            window = new MainWindow(stage, model, controller);
            stage.show();
            controller.openData(SampleData.DIR);
        });
        waitFor(60, () -> model.table() != null);
        FxToolkit.setupFixture(() -> controller.openModel(Path.of("src/test/resources/bundles/v1-sample.bwm")));
        waitFor(60, () -> model.analysisProperty().get() != null && model.bundleProperty().get() != null);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    static void waitFor(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theModelAndTheBaselinesInOneTableAndOneTimeline() throws Exception {
        robot.clickOn("7 Compare detectors");
        robot.clickOn("Compare detectors");
        waitFor(60, () -> window.comparePane.table.getItems().size() == 5);
        var items = window.comparePane.table.getItems();
        assertEquals("LSTM autoencoder", items.get(0).label());
        assertEquals(model.analysisProperty().get().firstAlarmTime(), items.get(0).analysis().firstAlarmTime());
        assertEquals(6, window.comparePane.timeline.getDatasets().size(), "five detectors and the line at 1");
        assertTrue(window.comparePane.status.getText().startsWith("5 detectors on 160 rows"), window.comparePane.status.getText());
        assertTrue(!robot.lookup("Export table…").queryButton().isDisabled(), "the table can be exported");
        Path csv = tmp.resolve("compare.csv");
        robot.interact(() -> window.comparePane.save(csv));
        assertEquals(6, Files.readAllLines(csv).size());
        if (Boolean.getBoolean("bw.screenshots.compare")) {
            Thread.sleep(800);
            robot.interact(() -> {
                try {
                    ChartBox.savePng(stage.getScene().getRoot(), Path.of("target", "compare.png").toFile());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
