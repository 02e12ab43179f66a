package org.bearingworkbench.ui;

import static org.bearingworkbench.ui.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.ui.widgets.Charts;
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
        // another rig on another clock, as PRONOSTIA (a stand-in day, 10 s apart) after IMS (2004, 10 min apart)
        List<LocalDateTime> clock = IntStream.range(0, four.rowCount())
                .mapToObj(i -> LocalDateTime.of(2000, 1, 1, 9, 0).plusSeconds(10L * i))
                .toList();
        FeatureCsv.write(
                FeatureTable.of("two", null, clock, clock.stream().map(t -> "f").toList(), new int[clock.size()], cols),
                twoCsv);
        TestWindow w = TestWindow.open(
                "org/bearingworkbench/test-ui-channels", c -> c.data().openData(fourCsv));
        waitFor(60, () -> w.model().table() != null);
        robot.clickOn("4 Model");
        TextField epochs = w.window().modelPane().form().epochs();
        robot.interact(() -> {
            epochs.requestFocus();
            epochs.selectAll();
        });
        robot.write("2");
        robot.clickOn("Train");
        waitFor(120, () -> w.model().analysisProperty().get() != null);
        assertEquals("*_mean_abs", w.window().modelPane().form().columns().getText(), "the model's columns as a glob");
        robot.clickOn("1 Data");
        robot.interact(() -> w.wb().data().openData(twoCsv));
        waitFor(
                60,
                () -> w.model().table() != null && w.model().table().channels().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(w.model().analysisProperty().get(), "a four-channel model does not score two channels");
        assertTrue(robot.lookup(n -> n instanceof DialogPane p
                        && "The active model does not fit this data".equals(p.getHeaderText()))
                .tryQuery()
                .isPresent());
        assertEquals("*_mean_abs", w.window().modelPane().form().columns().getText());
        robot.clickOn("1 Data");
        XYChart overview = w.window().dataPane().overview();
        assertEquals(2, overview.getDatasets().size(), "the new data's two channels drawn");
        double x0 = Charts.seconds(clock.get(0));
        double x1 = Charts.seconds(clock.get(clock.size() - 1));
        waitFor(
                10,
                () -> overview.getXAxis().getMin() <= x0 + 60
                        && overview.getXAxis().getMax() >= x1 - 60);
        assertTrue(
                overview.getXAxis().getMax() - overview.getXAxis().getMin() < 4 * (x1 - x0),
                "the axis spans the new data, not the old: "
                        + overview.getXAxis().getMin() + ".."
                        + overview.getXAxis().getMax());
        assertTrue(!robot.lookup("Train").queryButton().isDisabled(), "Train is usable on the new data");
    }
}
