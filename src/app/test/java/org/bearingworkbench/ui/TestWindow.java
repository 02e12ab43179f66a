package org.bearingworkbench.ui;

import java.util.function.Consumer;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** The real window on TestFX's primary stage (headless under Monocle), with its own preferences node. */
record TestWindow(Stage stage, WorkbenchModel model, WorkbenchController controller, MainWindow window) {
    /** Opens the window, then runs {@code first} on the FX thread (open data, a model...). */
    static TestWindow open(String prefsNode, Consumer<WorkbenchController> first) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        TestWindow[] made = new TestWindow[1];
        FxToolkit.setupFixture(() -> {
            WorkbenchModel model = new WorkbenchModel();
            WorkbenchController controller = new WorkbenchController(model, new FxTasks(), prefsNode, () -> stage);
            MainWindow window = new MainWindow(stage, model, controller);
            stage.show();
            made[0] = new TestWindow(stage, model, controller, window);
            first.accept(controller);
        });
        return made[0];
    }
}
