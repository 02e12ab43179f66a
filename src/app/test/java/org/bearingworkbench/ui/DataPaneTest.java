package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Columns added to the open data set (as the physics pass adds its indicators) do not draw the overview again and
 * keep the table's columns; new overview values do draw it again.
 */
class DataPaneTest {
    private static WorkbenchModel model;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        TestWindow w = TestWindow.open(
                "org/bearingworkbench/test-ui-datapane", c -> c.data().openData(SampleData.DIR));
        model = w.model();
        window = w.window();
        // the physics pass sets the data again with its columns: after it, the pane is as it stays
        TestWindow.waitFor(
                60,
                () -> model.physicsProperty().get() != null
                        && window.dataPane().table().getColumns().size()
                                == 2 + model.table().featureColumns().size());
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void addedColumnsKeepTheOverviewAndTheShownColumnsNewOverviewValuesDrawItAgain() throws Exception {
        List<DataSet> drawn = List.copyOf(window.dataPane().overview().getDatasets());
        List<TableColumn<Integer, ?>> columns =
                List.copyOf(window.dataPane().table().getColumns());
        ImportResult data = model.dataProperty().get();
        double[] extra = new double[data.table().rowCount()];
        robot.interact(() ->
                model.dataProperty().set(data.withTable(data.table().withColumns(Map.of("ch1_extra", extra)))));
        TestWindow.waitFor(10, () -> window.dataPane().table().getColumns().size() == columns.size() + 1);
        assertEquals(drawn, window.dataPane().overview().getDatasets());
        for (int i = 0; i < drawn.size(); i++) {
            assertSame(drawn.get(i), window.dataPane().overview().getDatasets().get(i), "the overview was drawn again");
        }
        assertEquals(columns, window.dataPane().table().getColumns().subList(0, columns.size()));

        ImportResult wider = model.dataProperty().get();
        double[] meanAbs = wider.table().column("ch1_mean_abs");
        meanAbs[0] *= 2;
        robot.interact(() ->
                model.dataProperty().set(wider.withTable(wider.table().withColumns(Map.of("ch1_mean_abs", meanAbs)))));
        TestWindow.waitFor(
                10,
                () -> window.dataPane().overview().getDatasets().size() == drawn.size()
                        && window.dataPane().overview().getDatasets().get(0) != drawn.get(0));
        DataSet first = window.dataPane().overview().getDatasets().get(0);
        assertNotSame(drawn.get(0), first);
        assertEquals(meanAbs[0], first.get(DataSet.DIM_Y, 0));
    }
}
