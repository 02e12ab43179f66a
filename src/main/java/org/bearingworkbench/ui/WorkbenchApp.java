package org.bearingworkbench.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bearingworkbench.pipeline.SampleDataLocator;

/**
 * The JavaFX application. Opens the window at once and loads the data set given on the command line, or the bundled
 * sample data, in the background. {@code --exit-after-load} closes it once the data is shown (smoke tests).
 */
public final class WorkbenchApp extends Application {
    public static final String PREFS_NODE = "org/bearingworkbench/ui";
    private MainWindow window;

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        WorkbenchModel model = new WorkbenchModel();
        WorkbenchController controller = new WorkbenchController(model, new FxTasks(), PREFS_NODE, () -> stage);
        window = new MainWindow(stage, model, controller);
        stage.getIcons().addAll(Icons.load());
        stage.show();
        List<String> args = getParameters().getUnnamed();
        boolean exitAfterLoad = args.contains("--exit-after-load");
        if (exitAfterLoad) {
            model.dataProperty().addListener((o, a, d) -> Platform.runLater(Platform::exit));
        }
        Path initial = args.stream().filter(a -> !a.startsWith("--")).findFirst().map(Paths::get)
                .or(SampleDataLocator::find).orElse(null);
        if (initial != null) {
            controller.openData(initial);
        } else if (exitAfterLoad) {
            Platform.exit();
        }
    }

    MainWindow window() {
        return window;
    }
}
