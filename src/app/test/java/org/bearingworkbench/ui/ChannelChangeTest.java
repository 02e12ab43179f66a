package org.bearingworkbench.ui;

import static org.bearingworkbench.ui.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A model trained on four channels, then a two-channel data set opened: the columns field still reads on it, Train
 * stays usable, and the model that does not fit says so once instead of an error on every open.
 */
class ChannelChangeTest {
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aFourChannelModelDoesNotTrapATwoChannelDataSet() throws Exception {
        FeatureTable four = SampleData.table();
        Path fourCsv = dir.resolve("four.csv");
        FeatureCsv.write(four, fourCsv);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : four.featureColumns()) {
            if (c.startsWith("ch1_") || c.startsWith("ch2_")) {
                cols.put(c, four.column(c));
            }
        }
        Path twoCsv = dir.resolve("two.csv");
        FeatureCsv.write(
                FeatureTable.of(
                        "two",
                        null,
                        four.timestamps(),
                        four.timestamps().stream().map(t -> "f").toList(),
                        new int[four.rowCount()],
                        cols),
                twoCsv);
        TestWindow w = TestWindow.open("org/bearingworkbench/test-ui-channels", c -> c.openData(fourCsv));
        waitFor(60, () -> w.model().table() != null);
        robot.clickOn("4 Model");
        TextField epochs = w.window().modelPane().form().epochs;
        robot.interact(() -> {
            epochs.requestFocus();
            epochs.selectAll();
        });
        robot.write("2");
        robot.clickOn("Train");
        waitFor(120, () -> w.model().analysisProperty().get() != null);
        assertEquals("*_mean_abs", w.window().modelPane().form().columns.getText(), "the model's columns as a glob");
        robot.interact(() -> w.controller().openData(twoCsv));
        waitFor(
                60,
                () -> w.model().table() != null && w.model().table().channels().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(w.model().analysisProperty().get(), "a four-channel model does not score two channels");
        assertTrue(robot.lookup(n -> n instanceof DialogPane p
                        && "The active model does not fit this data".equals(p.getHeaderText()))
                .tryQuery()
                .isPresent());
        assertEquals("*_mean_abs", w.window().modelPane().form().columns.getText());
        assertTrue(!robot.lookup("Train").queryButton().isDisabled(), "Train is usable on the new data");
    }
}
