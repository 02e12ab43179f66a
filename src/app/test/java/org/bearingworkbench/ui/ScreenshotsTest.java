package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
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
        Workbench[] wb = new Workbench[1];
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            wb[0] = Workbench.inWindow(model, new FxTasks(), "org/bearingworkbench/test-ui", () -> stage);
            window[0] = new MainWindow(stage, wb[0]);
            String[] size = System.getProperty("bw.screenshotSize", "1400x900").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            wb[0].data().openData(SampleData.DIR);
        });
        WorkbenchWindowTest.waitFor(
                60, () -> model.table() != null && model.physicsProperty().get() != null);
        robot.interact(() -> wb[0].models().train(ModelConfig.defaults(), null));
        WorkbenchWindowTest.waitFor(300, () -> model.analysisProperty().get() != null);
        robot.interact(() -> model.selectedRowProperty().set(model.table().rowCount() - 5));
        // the selected file's view has loaded (its waveform, spectra and envelope)
        String file = model.table().file(model.table().rowCount() - 5);
        WorkbenchWindowTest.waitFor(
                60, () -> window[0].signalsPane().fileLabel().getText().startsWith(file + "  ("));
        String[] names = {"1-data", "2-signals", "3-physics", "4-model", "5-threshold", "6-export"};
        BufferedImage previous = null;
        for (int i = 0; i < names.length; i++) {
            int tab = i;
            robot.interact(() -> window[0].tabs().getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            BufferedImage img = snap(stage, out.resolve(names[i] + ".png"));
            assertTrue(previous == null || differs(previous, img), names[i] + " shows the same as the tab before");
            previous = img;
        }
        // a second model (fewer epochs) compared with the first on the Threshold pane
        var first = model.models().get(0);
        robot.interact(() -> wb[0].models().train(ModelConfig.defaults().withEpochs(20), null));
        WorkbenchWindowTest.waitFor(
                300,
                () -> model.models().size() == 2
                        && model.analysisProperty().get() != null
                        && model.bundleProperty().get() != first.bundle());
        robot.interact(() -> wb[0].scoring().activate(first));
        WorkbenchWindowTest.waitFor(
                60,
                () -> model.bundleProperty().get() == first.bundle()
                        && model.analysisProperty().get() != null);
        robot.interact(() -> wb[0].scoring().compareWith(model.models().get(1)));
        WorkbenchWindowTest.waitFor(60, () -> model.comparisonProperty().get() != null);
        robot.interact(() -> window[0].tabs().getSelectionModel().select(4));
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
            Workbench c = Workbench.inWindow(model, new FxTasks(), "org/bearingworkbench/test-ui", () -> stage);
            window[0] = new MainWindow(stage, c);
            String[] size = System.getProperty("bw.screenshotSize", "1400x900").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            stage.show();
            c.data().openData(data);
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

    /**
     * Renders the window to {@code png} and checks what was written: the window's size, and a picture (hundreds of
     * colours: text, charts), not a blank or single-colour pane.
     */
    private BufferedImage snap(Stage stage, Path png) throws Exception {
        robot.interact(() -> {
            try {
                ChartBox.savePng(stage.getScene().getRoot(), png.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) Math.round(stage.getScene().getWidth()), img.getWidth(), png + " width");
        assertEquals((int) Math.round(stage.getScene().getHeight()), img.getHeight(), png + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 200, png + " has " + colours.size() + " colours: blank?");
        return img;
    }

    /** Whether two renderings differ in more than 1% of their pixels. */
    private static boolean differs(BufferedImage a, BufferedImage b) {
        int diff = 0;
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y += 2) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x += 2) {
                n++;
                diff += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return diff > n / 100;
    }
}
