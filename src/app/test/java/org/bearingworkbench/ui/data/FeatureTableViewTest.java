package org.bearingworkbench.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The feature table fills a frame after it is asked; the same rows with new columns stay shown meanwhile. */
class FeatureTableViewTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void newColumnsForTheSameRowsKeepTheRowsUntilTheRefillAnotherDataSetDoesNot() throws Exception {
        FeatureTable t = DataSets.open(SampleData.DIR, UserSettings.NONE, TaskContext.silent())
                .table();
        FeatureTable wider = t.withColumns(Map.of("ch1_extra", new double[t.rowCount()]));
        FeatureTable fewer = t.withoutRows(dropFirst(t.rowCount()));
        FeatureTableView view = new FeatureTableView();
        robot.interact(() -> view.show(t));
        int[] during = new int[2];
        robot.interact(() -> {
            view.showAfterNextFrame(wider);
            during[0] = view.getItems().size();
            during[1] = view.getColumns().size();
        });
        assertEquals(160, during[0], "the rows went while the wider table was pending");
        assertEquals(2 + t.featureColumns().size(), during[1]);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> view.getColumns().size() == 3 + t.featureColumns().size());

        robot.interact(() -> {
            view.showAfterNextFrame(fewer);
            during[0] = view.getItems().size();
        });
        assertEquals(0, during[0], "another data set's rows must not show the old ones meanwhile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getItems().size() == 159);
        assertTrue(view.getColumns().size() > 2);
    }

    @Test
    void columnsAddedToTheSameRowsKeepTheShownColumnsAReplacedOneIsMadeAgain() throws Exception {
        FeatureTable t = DataSets.open(SampleData.DIR, UserSettings.NONE, TaskContext.silent())
                .table();
        double[] extra = new double[t.rowCount()];
        extra[0] = 42.5;
        FeatureTable wider = t.withColumns(Map.of("ch1_extra", extra));
        double[] changed = t.column("ch2_rms");
        changed[0] = 7.25;
        FeatureTable replaced = wider.withColumns(Map.of("ch2_rms", changed));
        FeatureTableView view = new FeatureTableView();
        robot.interact(() -> view.show(t));
        List<TableColumn<Integer, ?>> before = List.copyOf(view.getColumns());
        Object items = view.getItems();

        robot.interact(() -> view.show(wider));
        assertEquals(before.size() + 1, view.getColumns().size());
        for (int c = 0; c < before.size(); c++) {
            assertSame(before.get(c), view.getColumns().get(c), before.get(c).getText() + " was made again");
        }
        TableColumn<Integer, ?> added = view.getColumns().get(before.size());
        assertEquals("ch1_extra", added.getText());
        assertEquals("42.500", added.getCellObservableValue(0).getValue());
        assertSame(items, view.getItems(), "the rows were filled again");

        robot.interact(() -> view.show(replaced)); // a replaced column moves to the end, with its new values
        TableColumn<Integer, ?> last = view.getColumns().get(view.getColumns().size() - 1);
        assertEquals("ch2_rms", last.getText());
        assertEquals("7.2500", last.getCellObservableValue(0).getValue());
        assertEquals(
                1,
                view.getColumns().stream()
                        .filter(c -> c.getText().equals("ch2_rms"))
                        .count());
        assertSame(before.get(2), view.getColumns().get(2), "an unchanged column was made again");
    }

    private static boolean[] dropFirst(int n) {
        boolean[] drop = new boolean[n];
        drop[0] = true;
        return drop;
    }
}
