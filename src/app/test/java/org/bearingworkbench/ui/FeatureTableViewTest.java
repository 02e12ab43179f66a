package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    private static boolean[] dropFirst(int n) {
        boolean[] drop = new boolean[n];
        drop[0] = true;
        return drop;
    }
}
