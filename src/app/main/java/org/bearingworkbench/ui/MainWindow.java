package org.bearingworkbench.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.model.ModelBundle;
import org.bearingworkbench.pipeline.DataSetPreview;
import org.bearingworkbench.project.Project;
import org.slf4j.LoggerFactory;

/**
 * The main window: File menu, the five panes in workflow order (Data, Signals, Model, Threshold, Export) and a status
 * bar with the current task. A directory or file dropped on the window is opened.
 */
public final class MainWindow implements Actions {
    private final Stage stage;
    private final WorkbenchModel model;
    private final WindowPrefs windowPrefs;
    private final WorkbenchController controller;
    private final TabPane tabs = new TabPane();
    final Menu recentMenu = new Menu("Recent data sets and projects");
    private final LazyPane<DataPane> dataPane;
    private final LazyPane<SignalsPane> signalsPane;
    private final LazyPane<ModelPane> modelPane;
    private final LazyPane<ThresholdPane> thresholdPane;
    private final LazyPane<ExportPane> exportPane;
    private final LazyPane<PhysicsPane> physicsPane;
    private final LazyPane<ComparePane> comparePane;
    private final LazyPane<HealthPane> healthPane;
    private final LazyPane<SpectraPane> spectraPane;
    private final Tab signalsTab;
    final MonitorSession monitor;
    final Label alarmBanner = new Label();

    public MainWindow(Stage stage, WorkbenchModel model, WorkbenchController controller) {
        StartFolders.dataSource(() -> model.dataSourceProperty().get());
        this.stage = stage;
        this.model = model;
        this.controller = controller;
        monitor = new MonitorSession(model, ex -> Dialogs.error(stage, "Monitoring stopped", Dialogs.describe(ex)));
        dataPane = new LazyPane<>(() -> new DataPane(model, controller, this));
        signalsPane = new LazyPane<>(() -> new SignalsPane(model, controller.tasks()));
        modelPane = new LazyPane<>(() -> new ModelPane(model, controller, this));
        thresholdPane = new LazyPane<>(() -> new ThresholdPane(model, controller, this::showFile));
        exportPane = new LazyPane<>(() -> new ExportPane(model, this));
        PhysicsPrefs physicsPrefs = new PhysicsPrefs(controller.prefsNode());
        model.physicsSettingsProperty().set(physicsPrefs.load());
        physicsPane = new LazyPane<>(() -> new PhysicsPane(model, controller, physicsPrefs));
        comparePane = new LazyPane<>(() -> new ComparePane(model, controller, () -> stage));
        healthPane = new LazyPane<>(() -> new HealthPane(model, controller));
        spectraPane = new LazyPane<>(() -> new SpectraPane(model, controller));
        tabs.getTabs()
                .addAll(
                        dataTab(),
                        signalsTab = tab("2 Signals", signalsPane),
                        tab("3 Bearing physics", physicsPane),
                        tab("4 Model", modelPane),
                        tab("5 Threshold & anomalies", thresholdPane),
                        tab("6 Export", exportPane),
                        tab("7 Compare detectors", comparePane),
                        tab("8 Health & life", healthPane),
                        tab("9 Waterfall & kurtogram", spectraPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane root = new BorderPane();
        alarmBanner.getStyleClass().add("alarm-banner");
        alarmBanner.setMaxWidth(Double.MAX_VALUE);
        alarmBanner
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> monitor.alarmProperty().get() == null
                                ? ""
                                : monitor.alarmProperty().get(),
                        monitor.alarmProperty()));
        alarmBanner.visibleProperty().bind(monitor.alarmProperty().isNotNull());
        alarmBanner.managedProperty().bind(alarmBanner.visibleProperty());
        root.setTop(new VBox(menuBar(), alarmBanner));
        root.setCenter(tabs);
        root.setBottom(statusBar());
        windowPrefs = new WindowPrefs(controller.prefsNode());
        double[] size = windowPrefs.size(1360, 860);
        Scene scene = new Scene(root, size[0], size[1]);
        stage.setMaximized(windowPrefs.maximized());
        stage.setOnHidden(e -> {
            monitor.stop();
            windowPrefs.save(stage);
        });
        scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        acceptDrops(scene);
        stage.setOnCloseRequest(e -> {
            if (!confirmQuit()) {
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.table() == null
                                ? "Bearing Workbench"
                                : "Bearing Workbench — " + model.table().name() + " ("
                                        + model.dataSourceProperty().get() + ")",
                        model.dataProperty(),
                        model.dataSourceProperty()));
        model.dataProperty().addListener((o, a, d) -> refreshRecent());
        controller.onRecentChanged(this::refreshRecent);
        refreshRecent();
    }

    /**
     * A tab whose pane is made and joins the scene when the tab is first shown (or earlier, when something needs the
     * pane): the window's first frames pay for the Data pane alone, not for all nine.
     */
    private static Tab tab(String name, Supplier<? extends Node> content) {
        Tab t = new Tab(name);
        t.setId(name.substring(2).split(" ")[0].toLowerCase(Locale.ROOT));
        t.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    t.setContent(content.get());
                    t.selectedProperty().removeListener(this);
                }
            }
        });
        return t;
    }

    /**
     * The Data tab, shown first: its pane joins one frame after the window's first (the window is drawn with its menus,
     * tabs and status bar about half a second sooner; the data it opens with takes longer to read than the pane to
     * make, and the import's task starts in the same frame as the pane, see {@code WorkbenchApp.start}).
     */
    private Tab dataTab() {
        Tab t = new Tab("1 Data");
        t.setId("data");
        Frames.afterNextFrame(() -> t.setContent(dataPane.get()));
        return t;
    }

    DataPane dataPane() {
        return dataPane.get();
    }

    SignalsPane signalsPane() {
        return signalsPane.get();
    }

    ModelPane modelPane() {
        return modelPane.get();
    }

    ThresholdPane thresholdPane() {
        return thresholdPane.get();
    }

    ExportPane exportPane() {
        return exportPane.get();
    }

    PhysicsPane physicsPane() {
        return physicsPane.get();
    }

    ComparePane comparePane() {
        return comparePane.get();
    }

    HealthPane healthPane() {
        return healthPane.get();
    }

    SpectraPane spectraPane() {
        return spectraPane.get();
    }

    TabPane tabs() {
        return tabs;
    }

    /** Selects a file (row) and shows it in the Signals pane. */
    void showFile(int row) {
        model.selectedRowProperty().set(row);
        tabs.getSelectionModel().select(signalsTab);
    }

    private MenuBar menuBar() {
        MenuItem openDir = item("Open directory…", "Shortcut+O", this::openDirectory);
        MenuItem openData = item("Open data (preview, metadata)…", "Shortcut+D", this::openDataAsking);
        MenuItem openCsv = item("Open feature CSV…", "Shortcut+Shift+O", this::openFeatureCsv);
        MenuItem openModel = item("Open model…", "Shortcut+M", this::openModel);
        MenuItem saveModel = item("Save model…", "Shortcut+S", this::saveModel);
        MenuItem export = item("Export report…", "Shortcut+E", this::exportReport);
        MenuItem incident = item("Incident report (HTML)…", "Shortcut+R", this::exportIncidentReport);
        incident.disableProperty().bind(model.analysisProperty().isNull());
        MenuItem exportCharts = item("Export all charts…", "Shortcut+Shift+E", this::exportAllCharts);
        MenuItem openProject = item("Open project…", "Shortcut+Alt+O", this::openProject);
        MenuItem saveProject = item("Save project…", "Shortcut+Shift+S", this::saveProject);
        saveProject.disableProperty().bind(model.dataProperty().isNull());
        MenuItem monitorDir = item("Monitor directory…", "Shortcut+Shift+M", this::monitorDirectory);
        monitorDir.disableProperty().bind(monitor.runningProperty());
        MenuItem stopMonitor = item("Stop monitoring", null, monitor::stop);
        stopMonitor.disableProperty().bind(monitor.runningProperty().not());
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmQuit()) {
                stage.close();
            }
        });
        saveModel.disableProperty().bind(model.bundleProperty().isNull());
        export.disableProperty().bind(model.analysisProperty().isNull());
        Menu file = new Menu(
                "File",
                null,
                openDir,
                openData,
                openCsv,
                recentMenu,
                new SeparatorMenuItem(),
                openProject,
                saveProject,
                new SeparatorMenuItem(),
                openModel,
                saveModel,
                new SeparatorMenuItem(),
                export,
                incident,
                exportCharts,
                new SeparatorMenuItem(),
                monitorDir,
                stopMonitor,
                new SeparatorMenuItem(),
                quit);
        MenuItem keras = item("Import Keras model…", "Shortcut+K", this::importKeras);
        keras.disableProperty().bind(model.dataProperty().isNull());
        Menu modelMenu = new Menu("Model", null, keras);
        MenuItem undo = item(
                "Undo threshold/persistence/split change",
                "Shortcut+Z",
                () -> model.tuning().undo());
        undo.disableProperty().bind(model.tuning().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", () -> model.tuning().redo());
        redo.disableProperty().bind(model.tuning().canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo);
        Menu help = new Menu("Help", null, item("Log file…", "Shortcut+L", () -> LogFileDialog.show(stage)));
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
        for (Path p : controller.recentDataSets()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false); // "2nd_test" must not lose its underscore to a mnemonic
            i.setOnAction(e -> openAsking(p, false));
            recentMenu.getItems().add(i);
        }
        List<Path> projects = controller.recentProjects();
        if (!projects.isEmpty() && !recentMenu.getItems().isEmpty()) {
            recentMenu.getItems().add(new SeparatorMenuItem());
        }
        for (Path p : projects) {
            MenuItem i = new MenuItem("Project " + p);
            i.setMnemonicParsing(false);
            i.setOnAction(e -> controller.openProject(p, this::applyLayout));
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private HBox statusBar() {
        Label message = new Label();
        message.textProperty().bind(controller.tasks().messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(controller.tasks().progressProperty());
        bar.visibleProperty().bind(controller.tasks().runningProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(controller.tasks().runningProperty());
        cancel.setOnAction(e -> controller.stop());
        Label background = new Label();
        background.textProperty().bind(controller.tasks().backgroundMessageProperty());
        Button cancelBackground = new Button("Cancel physics");
        cancelBackground.setTooltip(new Tooltip("Stop the bearing-physics pass (defect indicators "
                + "and spectrogram); training and scoring are not affected"));
        cancelBackground.visibleProperty().bind(controller.tasks().backgroundRunningProperty());
        cancelBackground.managedProperty().bind(controller.tasks().backgroundRunningProperty());
        cancelBackground.setOnAction(e -> controller.tasks().cancelBackground());
        Label hint = new Label(
                "Open your own directory (Ctrl+O) · train on the Model tab · drag the threshold on the Threshold tab");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label monitoring = new Label();
        monitoring.textProperty().bind(monitor.statusProperty());
        monitoring.visibleProperty().bind(monitor.runningProperty());
        monitoring.managedProperty().bind(monitor.runningProperty());
        monitoring.setMinWidth(0);
        monitoring.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        HBox.setHgrow(monitoring, Priority.SOMETIMES);
        Button stopMonitoring = new Button("Stop monitoring");
        stopMonitoring.setMinWidth(Region.USE_PREF_SIZE);
        stopMonitoring.visibleProperty().bind(monitor.runningProperty());
        stopMonitoring.managedProperty().bind(monitor.runningProperty());
        stopMonitoring.setOnAction(e -> monitor.stop());
        hint.visibleProperty().bind(monitor.runningProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        HBox box = new HBox(
                8, message, bar, cancel, background, cancelBackground, monitoring, stopMonitoring, spacer, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            e.setDropCompleted(openDropped(e.getDragboard().getFiles()));
            e.consume();
        });
    }

    /** Opens what was dropped on the window (the first file or directory); false when nothing was. */
    boolean openDropped(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        openAsking(files.get(0).toPath(), false);
        return true;
    }

    @Override
    public void openDirectory() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle("Open a directory of snapshot files (IMS, PRONOSTIA, XJTU-SY, WAV, MAT, ...)");
        File f = StartFolders.chosen(dc.showDialog(stage));
        if (f != null) {
            openAsking(f.toPath(), false);
        }
    }

    /** File > Monitor directory…: follow a directory a logger writes into, with the active model. */
    void monitorDirectory() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle("Monitor a directory that a logger writes snapshot files into");
        File f = StartFolders.chosen(dc.showDialog(stage));
        if (f != null) {
            monitorDirectory(f.toPath());
        }
    }

    void monitorDirectory(Path dir) {
        try {
            monitor.start(dir);
            tabs.getSelectionModel().select(tabs.getTabs().get(4));
        } catch (Exception e) {
            Dialogs.error(stage, "Cannot monitor " + dir, Dialogs.describe(e));
        }
    }

    @Override
    public void editMetadata() {
        var data = model.dataProperty().get();
        if (data == null || data.rawSource().isEmpty()) {
            Dialogs.error(
                    stage, "No raw data", "The open data set is a feature CSV: it has no snapshot files to describe.");
            return;
        }
        var src = data.rawSource().get().directory();
        var start = Files.isDirectory(src)
                ? UserSettings.NONE
                : new UserSettings("recording", null, null, null, null, null);
        showOpenDialog(src, start);
    }

    /**
     * Asks before quitting when the model or its threshold would be lost; true to quit. (Window close asks too.)
     */
    boolean confirmQuit() {
        boolean project = model.hasUnsavedProject();
        boolean bundle = model.hasUnsavedModel();
        if (!project && !bundle) {
            return true;
        }
        var saveProject = new ButtonType("Save project…");
        var save = new ButtonType("Save model…");
        var discard = new ButtonType("Quit without saving");
        var ask = new Alert(Alert.AlertType.CONFIRMATION, "");
        ask.getButtonTypes().setAll(saveProject, discard, ButtonType.CANCEL);
        if (bundle) {
            ask.getButtonTypes().add(1, save);
        }
        ask.setContentText((bundle
                        ? "The active model (" + model.modelSourceProperty().get() + ") or its threshold "
                                + "changed since it was last saved.\n"
                        : "")
                + (project
                        ? "The session (data, split, " + model.models().size() + " model(s), threshold, persistence) "
                                + "changed since it was last saved as a project."
                        : ""));
        ask.initOwner(stage);
        ask.setTitle("Bearing Workbench");
        ask.setHeaderText("Save your work before quitting?");
        var answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            saveModel();
            return false;
        }
        if (answer == saveProject) {
            saveProject();
            return false;
        }
        return answer == discard;
    }

    /** File > Export all charts…: every chart of every pane as PNG (192 dpi) into one folder. */
    void exportAllCharts() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle("Export all charts into a folder");
        File d = StartFolders.chosen(dc.showDialog(stage));
        if (d != null) {
            try {
                int n = exportAllCharts(d.toPath(), 192).size();
                Dialogs.info(stage, "Charts exported", n + " charts written to " + d);
            } catch (IOException e) {
                Dialogs.error(stage, "Cannot export the charts", d + ": " + e.getMessage());
            }
        }
    }

    /**
     * Writes every chart of every pane to {@code dir} ({@code <pane>-<chart title>.png}); each pane is shown in turn so
     * its charts are laid out, then the pane that was shown comes back. Returns the files written.
     */
    List<Path> exportAllCharts(Path dir, int dpi) throws IOException {
        OutputFiles.createFolder(dir);
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        List<Path> written = new ArrayList<>();
        try {
            for (Tab t : tabs.getTabs()) {
                tabs.getSelectionModel().select(t);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                for (Node n : t.getContent().lookupAll(".chart-box")) {
                    if (n instanceof ChartBox box && box.isVisible() && box.getWidth() > 0) {
                        Path file = dir.resolve(t.getId() + "-" + box.fileName());
                        box.writePng(file, dpi);
                        written.add(file);
                    }
                }
            }
        } finally {
            tabs.getSelectionModel().select(shown);
        }
        return written;
    }

    /** File > Open project…. */
    void openProject() {
        File f = StartFolders.chosen(chooser("Open a project", "Bearing Workbench project", "*" + Project.EXTENSION)
                .showOpenDialog(stage));
        if (f != null) {
            controller.openProject(f.toPath(), this::applyLayout);
        }
    }

    /** File > Save project…. */
    void saveProject() {
        FileChooser fc = chooser("Save the project", "Bearing Workbench project", "*" + Project.EXTENSION);
        fc.setInitialFileName("analysis" + Project.EXTENSION);
        File f = StartFolders.chosen(fc.showSaveDialog(stage));
        if (f != null) {
            controller.saveProject(f.toPath(), layout());
        }
    }

    /** The window's layout as a project keeps it: the pane shown, the window's size, the Threshold pane's options. */
    Map<String, String> layout() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tab", tabs.getSelectionModel().getSelectedItem().getId());
        m.put("width", Long.toString(Math.round(stage.getWidth())));
        m.put("height", Long.toString(Math.round(stage.getHeight())));
        m.put("maximized", Boolean.toString(stage.isMaximized()));
        thresholdPane().layout(m);
        return m;
    }

    void applyLayout(Map<String, String> m) {
        tabs.getTabs().stream()
                .filter(t -> t.getId().equals(m.get("tab")))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        try {
            if (m.containsKey("width") && !stage.isMaximized()) {
                stage.setWidth(Double.parseDouble(m.get("width")));
                stage.setHeight(Double.parseDouble(m.get("height")));
            }
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(MainWindow.class).warn("ignoring a project's window size: {}", e.getMessage());
        }
        thresholdPane().applyLayout(m);
    }

    /** File > Open data…: always through the preview and metadata dialog. */
    void openDataAsking() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle("Open data: a directory of snapshot files");
        File f = StartFolders.chosen(dc.showDialog(stage));
        if (f != null) {
            openAsking(f.toPath(), true);
        }
    }

    /**
     * Opens a directory or file: a feature CSV at once; a directory at once when its format and physics are known
     * (or were remembered), else (or when {@code always}) through the {@link OpenDataDialog}; a single WAV or MAT
     * file through the dialog as a long recording.
     */
    void openAsking(Path path, boolean always) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean recording = Files.isRegularFile(path) && (name.endsWith(".wav") || name.endsWith(".mat"));
        if (Files.isRegularFile(path) && !recording) {
            controller.openData(path);
            return;
        }
        var start = recording
                ? new UserSettings("recording", "snapshot=1s;every=10s", null, null, null, null)
                : UserSettings.NONE;
        if (always || recording) {
            showOpenDialog(path, start);
            return;
        }
        Task<DataSetPreview> check = new Task<>() {
            @Override
            protected DataSetPreview call() {
                return DataSetPreview.of(path, start);
            }
        };
        check.setOnSucceeded(e -> {
            if (check.getValue().needsQuestions()) {
                showOpenDialog(path, start);
            } else {
                controller.openData(path);
            }
        });
        check.setOnFailed(e -> controller.openData(path));
        Thread t = new Thread(check, "open-data-check");
        t.setDaemon(true);
        t.start();
    }

    /** The open dialog for {@code path}; on Open, the data set opens with what the user set. */
    OpenDataDialog showOpenDialog(Path path, UserSettings start) {
        OpenDataDialog d = new OpenDataDialog(stage, path, start);
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                controller.openData(path, d.getResult());
            }
        });
        d.show();
        return d;
    }

    @Override
    public void openFeatureCsv() {
        File f = StartFolders.chosen(
                chooser("Open a feature CSV", "Feature CSV", "*.csv").showOpenDialog(stage));
        if (f != null) {
            controller.openData(f.toPath());
        }
    }

    @Override
    public void openModel() {
        File f = StartFolders.chosen(
                chooser("Open a model bundle", "Bearing Workbench model", "*" + ModelBundle.EXTENSION)
                        .showOpenDialog(stage));
        if (f != null) {
            controller.openModel(f.toPath());
        }
    }

    /** Asks for a Keras .h5 model, then for its scaler .json. */
    void importKeras() {
        File h5 = StartFolders.chosen(chooser("Import a Keras LSTM autoencoder", "Keras HDF5 model", "*.h5")
                .showOpenDialog(stage));
        if (h5 == null) {
            return;
        }
        FileChooser sc = chooser("The model's min-max scaler (data_min_, data_max_)", "Scaler JSON", "*.json");
        sc.setInitialDirectory(h5.getParentFile());
        File json = StartFolders.chosen(sc.showOpenDialog(stage));
        if (json != null) {
            controller.importKeras(h5.toPath(), json.toPath());
        }
    }

    @Override
    public void saveModel() {
        FileChooser fc = chooser("Save the model", "Bearing Workbench model", "*" + ModelBundle.EXTENSION);
        fc.setInitialFileName("model" + ModelBundle.EXTENSION);
        File f = StartFolders.chosen(fc.showSaveDialog(stage));
        if (f != null) {
            controller.saveModel(f.toPath());
        }
    }

    @Override
    public void exportReport() {
        FileChooser fc = chooser("Export the anomaly report", "CSV", "*.csv");
        fc.setInitialFileName("anomaly-report.csv");
        File f = StartFolders.chosen(fc.showSaveDialog(stage));
        if (f != null) {
            controller.exportReport(f.toPath(), exportPane().onlyFlagged.isSelected());
        }
    }

    @Override
    public void exportIncidentReport() {
        FileChooser fc = chooser("Write the incident report", "HTML", "*.html");
        fc.setInitialFileName("incident-report.html");
        File f = StartFolders.chosen(fc.showSaveDialog(stage));
        if (f != null) {
            controller.exportIncidentReport(f.toPath(), exportPane()::reportWritten);
        }
    }

    private static FileChooser chooser(String title, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialDirectory(StartFolders.initial());
        fc.setTitle(title);
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(what, pattern),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
