package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.bearingworkbench.model.ModelConfig;
import org.bearingworkbench.ui.shell.AnalysisText;
import org.bearingworkbench.ui.shell.ModelEntry;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.widgets.ChartBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window makes a pane when its tab is first shown. A pane first shown after the data, the physics pass, a trained
 * model and a picked file must show all of them, as if it had followed the session from the start.
 */
class LatePanesTest {
    private static Stage stage;
    private static WorkbenchModel model;
    private static Workbench wb;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        TestWindow w = TestWindow.withSampleData("org/bearingworkbench/test-ui-late");
        stage = w.stage();
        model = w.model();
        wb = w.wb();
        window = w.window();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void panesFirstShownLateShowTheSessionAsItIs() throws Exception {
        for (Tab t : window.tabs().getTabs().subList(1, 9)) {
            assertNull(t.getContent(), t.getText() + " was made before it was shown");
        }
        robot.interact(() -> wb.models().train(ModelConfig.defaults().withEpochs(3), null));
        TestWindow.waitFor(120, () -> model.analysisProperty().get() != null);
        robot.interact(() -> model.selectedRowProperty().set(120));
        assertNull(window.tabs().getTabs().get(1).getContent(), "the Signals pane was made by the training");

        robot.clickOn("2 Signals");
        TestWindow.waitFor(20, () -> chart("Amplitude spectrum").getDatasets().size() == 4);
        assertEquals(4, chart("Trend over the run").getDatasets().size());
        assertEquals(160, chart("Trend over the run").getDatasets().get(0).getDataCount());
        assertEquals(
                2048,
                chart("Waveform of the selected file").getDatasets().get(0).getDataCount());
        String file = model.table().file(120);
        assertTrue(
                window.signalsPane().fileLabel().getText().contains(file),
                window.signalsPane().fileLabel().getText());

        robot.clickOn("3 Bearing physics");
        WaitForAsyncUtils.waitForFxEvents();
        var channel = robot.lookup(n -> n instanceof ComboBox<?> c && "ch1".equals(c.getValue()))
                .queryAs(ComboBox.class);
        assertEquals(4, channel.getItems().size());
        assertFalse(chart("Defect indicators over the run (envelope peak / noise floor)")
                .getDatasets()
                .isEmpty());

        robot.clickOn("4 Model");
        WaitForAsyncUtils.waitForFxEvents();
        XYChart loss = chart("Loss per epoch (live)");
        assertEquals(3, loss.getDatasets().get(0).getDataCount());
        assertFalse(robot.lookup("No model.").tryQuery().isPresent(), "the Model pane shows no model");
        assertNotNull(robot.lookup(n -> n instanceof ComboBox<?> c && c.getValue() instanceof ModelEntry)
                .tryQuery()
                .orElse(null));

        robot.clickOn("5 Threshold & anomalies");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                AnalysisText.counts(model.analysisProperty().get()),
                window.thresholdPane().counts().getText());
        assertTrue(chart("Scores over time").getDatasets().get(0).getDataCount() == 160);
    }

    private XYChart chart(String title) {
        return (XYChart) robot.lookup(n -> n instanceof ChartBox b
                        && b.getChildren().get(0) instanceof HBox h
                        && h.getChildren().get(0) instanceof Label l
                        && l.getText().equals(title)
                        && visible(b))
                .queryAs(ChartBox.class)
                .chart();
    }

    private static boolean visible(Node n) {
        return n.getScene() != null && n.isVisible();
    }
}
