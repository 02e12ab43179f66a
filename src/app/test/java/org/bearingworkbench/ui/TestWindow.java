package org.bearingworkbench.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on TestFX's primary stage (headless under Monocle), with its own preferences node. */
record TestWindow(Stage stage, WorkbenchModel model, Workbench wb, MainWindow window) {
    /** Opens the window, then runs {@code first} on the FX thread (open data, a model...). */
    static TestWindow open(String prefsNode, Consumer<Workbench> first) throws Exception {
        return openWith(prefsNode, w -> first.accept(w.wb()));
    }

    /** Opens the window, then runs {@code first} with it on the FX thread, before the window's first frame. */
    static TestWindow openWith(String prefsNode, Consumer<TestWindow> first) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        TestWindow[] made = new TestWindow[1];
        FxToolkit.setupFixture(() -> {
            WorkbenchModel model = new WorkbenchModel();
            Workbench wb = Workbench.inWindow(model, new FxTasks(), prefsNode, () -> stage);
            MainWindow window = new MainWindow(stage, wb);
            stage.show();
            made[0] = new TestWindow(stage, model, wb, window);
            first.accept(made[0]);
        });
        return made[0];
    }

    /** Opens the window on the bundled sample data and waits for its table and its bearing-physics pass. */
    static TestWindow withSampleData(String prefsNode) throws Exception {
        TestWindow w = open(prefsNode, c -> c.data().openData(SampleData.DIR));
        waitFor(
                60,
                () -> w.model().table() != null && w.model().physicsProperty().get() != null);
        return w;
    }

    /** Waits until {@code condition} holds (checked off the FX thread), then for the FX events it caused. */
    static void waitFor(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
