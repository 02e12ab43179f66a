package org.bearingworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bearingworkbench.pipeline.SampleDataLocator;
import org.bearingworkbench.project.Project;
import org.bearingworkbench.ui.data.EarlyImport;
import org.bearingworkbench.ui.shell.Frames;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.Icons;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Opens the window at once and loads the data set given on the command line, or the bundled
 * sample data, in the background. {@code --exit-after-load} closes it once the data and its table are shown (smoke
 * tests); {@code --startup-times=FILE} appends to FILE when the window, the data and then its feature table were first
 * drawn, in ms since the process started ({@code bench startup} reads it). The data set the window opens with starts
 * importing before the JavaFX runtime does ({@link EarlyImport}); the window is drawn first, then the data.
 */
public final class WorkbenchApp extends Application {
    public static final String PREFS_NODE = "org/bearingworkbench/ui";
    private static volatile EarlyImport early;
    private MainWindow window;

    public static void main(String[] args) {
        Path initial = initialData(List.of(args));
        if (initial != null && !isProject(initial)) { // read while the JavaFX runtime starts
            early = EarlyImport.start(initial);
        }
        launch(WorkbenchApp.class, args);
    }

    /** Whether the argument names a saved session ({@code .bwp}) rather than data. */
    static boolean isProject(Path p) {
        return p.getFileName() != null
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(Project.EXTENSION);
    }

    /** The data set to open at start: the first argument that is not an option, else the bundled sample data. */
    private static Path initialData(List<String> args) {
        return args.stream()
                .filter(a -> !a.startsWith("--"))
                .findFirst()
                .map(Paths::get)
                .or(SampleDataLocator::find)
                .orElse(null);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        Path initial = initialData(args);
        WorkbenchModel model = new WorkbenchModel();
        Workbench wb = Workbench.inWindow(model, new FxTasks(), PREFS_NODE, () -> stage);
        window = new MainWindow(stage, wb);
        stage.getIcons().addAll(Icons.load());
        stage.show();
        String times = getParameters().getNamed().get("startup-times"); // --startup-times=FILE is a named parameter
        if (times != null) {
            reportStartup(stage, model, Path.of(times));
        }
        boolean exitAfterLoad = args.contains("--exit-after-load");
        if (exitAfterLoad) {
            model.dataProperty().addListener((o, a, d) -> {
                Runnable[] exit = new Runnable[1];
                exit[0] = () -> { // once the data and its table have been laid out and drawn
                    if (window.dataPane().tableRows() > 0) {
                        stage.getScene().removePostLayoutPulseListener(exit[0]);
                        Platform.runLater(Platform::exit);
                    }
                };
                stage.getScene().addPostLayoutPulseListener(exit[0]);
            });
        }
        if (initial != null && isProject(initial)) {
            // a saved session: its data, models, split and layout, once the window is drawn
            Frames.afterNextFrame(() -> wb.projects().openProject(initial));
        } else if (initial != null) {
            // the window is drawn first, then the data it opens with: its task starts with the Data pane, a frame
            // later (a task started now can finish before the pane exists; the physics pass would then start early)
            EarlyImport started = early;
            Frames.afterNextFrame(() -> {
                if (started != null && started.path().equals(initial)) {
                    wb.data().openData(started);
                } else { // started without main (no import under way)
                    wb.data().openData(initial);
                }
            });
        } else if (exitAfterLoad) {
            Platform.exit();
        }
    }

    /** Appends to {@code file} when the window and the data are first drawn (after the pulse that lays them out). */
    private void reportStartup(Stage stage, WorkbenchModel model, Path file) {
        Runnable[] shown = new Runnable[1];
        shown[0] = () -> {
            append(file, "window " + ProcessClock.sinceStart());
            stage.getScene().removePostLayoutPulseListener(shown[0]);
        };
        stage.getScene().addPostLayoutPulseListener(shown[0]);
        boolean[] first = {true};
        model.dataProperty().addListener((o, a, d) -> {
            if (!first[0]) {
                return;
            }
            first[0] = false;
            Runnable[] data = new Runnable[1];
            data[0] = () -> {
                append(
                        file,
                        "data " + ProcessClock.sinceStart() + " "
                                + (d == null ? 0 : d.table().rowCount()));
                stage.getScene().removePostLayoutPulseListener(data[0]);
                Runnable[] table = new Runnable[1];
                table[0] = () -> { // the feature table fills a frame after the charts
                    int rows = window.dataPane().tableRows();
                    if (rows > 0) {
                        append(file, "table " + ProcessClock.sinceStart() + " " + rows);
                        stage.getScene().removePostLayoutPulseListener(table[0]);
                    }
                };
                stage.getScene().addPostLayoutPulseListener(table[0]);
            };
            stage.getScene().addPostLayoutPulseListener(data[0]);
        });
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LoggerFactory.getLogger(WorkbenchApp.class).warn("cannot write start-up times to {}", file, e);
        }
    }

    MainWindow window() {
        return window;
    }
}
