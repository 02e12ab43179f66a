package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Region;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.pipeline.DataSets;
import org.bearingworkbench.task.TaskContext;
import org.bearingworkbench.ui.data.DataPane;
import org.bearingworkbench.ui.widgets.Palette;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The window's first frame has its menus, tabs and status bar; the Data pane joins a frame later and shows the model
 * as it is then (data that arrived first, the channels per bearing set before it).
 */
class FirstFrameTest {
    private final FxRobot robot = new FxRobot();

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theDataPaneJoinsAfterTheFirstFrameAndShowsWhatArrivedBeforeIt() throws Exception {
        ImportResult data = DataSets.open(SampleData.DIR, TaskContext.silent());
        Node[] atFirst = {new Region()};
        TestWindow w = TestWindow.openWith("org/bearingworkbench/test-ui-first-frame", t -> {
            atFirst[0] = t.window().tabs().getTabs().get(0).getContent();
            t.model().channelsPerBearingProperty().set(2);
            t.model().dataProperty().set(data);
        });
        assertNull(atFirst[0], "the Data pane was made before the window's first frame");
        TestWindow.waitFor(20, () -> w.window().tabs().getTabs().get(0).getContent() != null);
        DataPane pane = w.window().dataPane();
        assertSame(pane, w.window().tabs().getTabs().get(0).getContent());
        TestWindow.waitFor(20, () -> pane.tableRows() == data.table().rowCount());

        List<DataSet> overview = pane.overview().getDatasets();
        assertEquals(4, overview.size());
        // two channels a bearing: ch1 and ch2 drawn in bearing 1's colour (ch2 dashed), ch3 in bearing 2's
        String colour = Palette.bearing(1);
        assertTrue(overview.get(0).getStyle().contains(colour)
                && overview.get(1).getStyle().contains(colour));
        assertTrue(!overview.get(0).getStyle().contains("dash")
                && overview.get(1).getStyle().contains("dash"));
        assertTrue(!overview.get(2).getStyle().contains(colour));
        Spinner<?> perBearing = robot.lookup(n -> n instanceof Spinner<?>).queryAs(Spinner.class);
        assertEquals(2, perBearing.getValue());
    }
}
