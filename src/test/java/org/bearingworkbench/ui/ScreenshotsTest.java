package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import javafx.stage.Stage;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.model.ModelConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every pane to PNG with the sample data and a model trained on it, into {@code target/screenshots}, or into
 * the folder named by {@code -Dbw.screenshots=docs/screenshots} (how the README's images are made).
 */
class ScreenshotsTest {
    private final FxRobot robot = new FxRobot();

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void rendersEveryPaneToPng() throws Exception {
        Path out = Paths.get(System.getProperty("bw.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchModel model = new WorkbenchModel();
        WorkbenchController[] controller = new WorkbenchController[1];
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            controller[0] = new WorkbenchController(model, new FxTasks(), "org/bearingworkbench/test-ui", () -> stage);
            window[0] = new MainWindow(stage, model, controller[0]);
            String[] size = System.getProperty("bw.screenshotSize", "1400x900").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            controller[0].openData(SampleData.DIR);
        });
        WorkbenchWindowTest.waitFor(
                60, () -> model.table() != null && model.physicsProperty().get() != null);
        robot.interact(() -> controller[0].train(ModelConfig.defaults(), null));
        WorkbenchWindowTest.waitFor(300, () -> model.analysisProperty().get() != null);
        robot.interact(() -> model.selectedRowProperty().set(model.table().rowCount() - 5));
        String[] names = {"1-data", "2-signals", "3-physics", "4-model", "5-threshold", "6-export"};
        for (int i = 0; i < names.length; i++) {
            int tab = i;
            robot.interact(() -> window[0].tabs().getSelectionModel().select(tab));
            Thread.sleep(i == 1 ? 1500 : 400);
            WaitForAsyncUtils.waitForFxEvents();
            snap(stage, out.resolve(names[i] + ".png"));
        }
        // a second model (fewer epochs) compared with the first on the Threshold pane
        var first = model.models().get(0);
        robot.interact(() -> controller[0].train(ModelConfig.defaults().withEpochs(20), null));
        WorkbenchWindowTest.waitFor(
                300,
                () -> model.models().size() == 2
                        && model.analysisProperty().get() != null
                        && model.bundleProperty().get() != first.bundle());
        robot.interact(() -> controller[0].activate(first));
        WorkbenchWindowTest.waitFor(
                60,
                () -> model.bundleProperty().get() == first.bundle()
                        && model.analysisProperty().get() != null);
        robot.interact(() -> controller[0].compareWith(model.models().get(1)));
        WorkbenchWindowTest.waitFor(60, () -> model.comparisonProperty().get() != null);
        robot.interact(() -> window[0].tabs().getSelectionModel().select(4));
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        snap(stage, out.resolve("5b-threshold-compare.png"));
    }

    /**
     * The README's real-data figures: the Bearing physics pane (ch1 defect indicators of IMS test 2) and the Signals
     * pane on a late file (its envelope spectrum with markers). Runs only with -Dbw.screenshots set and ../shared
     * present.
     */
    @Test
    void rendersRealTest2PhysicsFigures() throws Exception {
        Assumptions.assumeTrue(System.getProperty("bw.screenshots") != null, "only when making README figures");
        Path data = SharedData.imsTest2();
        Path out = Paths.get(System.getProperty("bw.screenshots"));
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchModel model = new WorkbenchModel();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            WorkbenchController c =
                    new WorkbenchController(model, new FxTasks(), "org/bearingworkbench/test-ui", () -> stage);
            window[0] = new MainWindow(stage, model, c);
            String[] size = System.getProperty("bw.screenshotSize", "1400x900").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            c.openData(data);
        });
        WorkbenchWindowTest.waitFor(
                120, () -> model.table() != null && model.physicsProperty().get() != null);
        int late = model.table().lastRowAtOrBefore(LocalDateTime.of(2004, 2, 18, 12, 2, 39));
        robot.interact(() -> window[0].showFile(late));
        Thread.sleep(2500);
        WaitForAsyncUtils.waitForFxEvents();
        snap(stage, out.resolve("test2-envelope-late.png"));
        robot.interact(() -> window[0].tabs().getSelectionModel().select(2));
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        snap(stage, out.resolve("test2-bpfo-indicator.png"));
    }

    private void snap(Stage stage, Path png) throws Exception {
        robot.interact(() -> {
            try {
                ChartBox.savePng(stage.getScene().getRoot(), png.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 20_000, png + " looks empty");
    }
}
