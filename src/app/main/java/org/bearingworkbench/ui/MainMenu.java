package org.bearingworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.bearingworkbench.ui.monitor.MonitorSession;
import org.bearingworkbench.ui.shell.LogFileDialog;
import org.bearingworkbench.ui.shell.WorkbenchModel;

/** The window's menus: File, Edit (undo of the tuning), Model and Help, each item with its shortcut. */
final class MainMenu {
    private final Workbench wb;
    private final MonitorSession monitor;
    private final WindowCommands window;
    private final Menu recentMenu = new Menu("Recent data sets and projects");

    /** What the menus ask of the window itself. */
    record WindowCommands(Runnable monitorDirectory, Runnable exportAllCharts, Runnable quit) {}

    MainMenu(Workbench wb, MonitorSession monitor, WindowCommands window) {
        this.wb = wb;
        this.monitor = monitor;
        this.window = window;
        wb.model().dataProperty().addListener((o, a, d) -> refreshRecent());
        wb.session().onRecentChanged(this::refreshRecent);
        refreshRecent();
    }

    /** File > Recent data sets and projects (a test hook). */
    Menu recentMenu() {
        return recentMenu;
    }

    MenuBar bar() {
        WorkbenchModel model = wb.model();
        MenuItem incident = item("Incident report (HTML)…", "Shortcut+R", wb.exports()::exportIncidentReport);
        incident.disableProperty().bind(model.analysisProperty().isNull());
        MenuItem saveProject = item("Save project…", "Shortcut+Shift+S", wb.projects()::saveProject);
        saveProject.disableProperty().bind(model.dataProperty().isNull());
        MenuItem monitorDir = item("Monitor directory…", "Shortcut+Shift+M", window.monitorDirectory());
        monitorDir.disableProperty().bind(monitor.runningProperty());
        MenuItem stopMonitor = item("Stop monitoring", null, monitor::stop);
        stopMonitor.disableProperty().bind(monitor.runningProperty().not());
        MenuItem saveModel = item("Save model…", "Shortcut+S", wb.models()::saveModel);
        saveModel.disableProperty().bind(model.bundleProperty().isNull());
        MenuItem export = item("Export report…", "Shortcut+E", wb.exports()::exportReport);
        export.disableProperty().bind(model.analysisProperty().isNull());
        Menu file = new Menu(
                "File",
                null,
                item("Open directory…", "Shortcut+O", wb.data()::openDirectory),
                item("Open data (preview, metadata)…", "Shortcut+D", wb.data()::openDataAsking),
                item("Open feature CSV…", "Shortcut+Shift+O", wb.data()::openFeatureCsv),
                recentMenu,
                new SeparatorMenuItem(),
                item("Open project…", "Shortcut+Alt+O", wb.projects()::openProject),
                saveProject,
                new SeparatorMenuItem(),
                item("Open model…", "Shortcut+M", wb.models()::openModel),
                saveModel,
                new SeparatorMenuItem(),
                export,
                incident,
                item("Export all charts…", "Shortcut+Shift+E", window.exportAllCharts()),
                new SeparatorMenuItem(),
                monitorDir,
                stopMonitor,
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", window.quit()));
        MenuItem keras = item("Import Keras model…", "Shortcut+K", wb.models()::importKeras);
        keras.disableProperty().bind(model.dataProperty().isNull());
        Menu modelMenu = new Menu("Model", null, keras);
        MenuItem undo = item("Undo threshold/persistence/split change", "Shortcut+Z", wb.tuning()::undo);
        undo.disableProperty().bind(wb.tuning().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", wb.tuning()::redo);
        redo.disableProperty().bind(wb.tuning().canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo);
        Menu help = new Menu(
                "Help",
                null,
                item(
                        "Log file…",
                        "Shortcut+L",
                        () -> LogFileDialog.show(wb.session().owner())));
        return new MenuBar(file, edit, modelMenu, help);
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : wb.session().recentDataSets()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false); // "2nd_test" must not lose its underscore to a mnemonic
            i.setOnAction(e -> wb.data().openAsking(p, false));
            recentMenu.getItems().add(i);
        }
        List<Path> projects = wb.session().recentProjects();
        if (!projects.isEmpty() && !recentMenu.getItems().isEmpty()) {
            recentMenu.getItems().add(new SeparatorMenuItem());
        }
        for (Path p : projects) {
            MenuItem i = new MenuItem("Project " + p);
            i.setMnemonicParsing(false);
            i.setOnAction(e -> wb.projects().openProject(p));
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
