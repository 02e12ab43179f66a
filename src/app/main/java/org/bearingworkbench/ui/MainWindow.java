package org.bearingworkbench.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.bearingworkbench.ui.compare.ComparePane;
import org.bearingworkbench.ui.data.DataPane;
import org.bearingworkbench.ui.export.ExportPane;
import org.bearingworkbench.ui.health.HealthPane;
import org.bearingworkbench.ui.model.ModelPane;
import org.bearingworkbench.ui.monitor.MonitorSession;
import org.bearingworkbench.ui.physics.PhysicsPane;
import org.bearingworkbench.ui.physics.PhysicsPrefs;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.Frames;
import org.bearingworkbench.ui.shell.LazyPane;
import org.bearingworkbench.ui.shell.Session;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.shell.WindowPrefs;
import org.bearingworkbench.ui.shell.WorkbenchModel;
import org.bearingworkbench.ui.signals.SignalsPane;
import org.bearingworkbench.ui.spectra.SpectraPane;
import org.bearingworkbench.ui.threshold.ThresholdPane;
import org.slf4j.LoggerFactory;

/**
 * The main window: the menus, the nine panes in workflow order (each made when first shown) and a status bar with
 * the current task. A directory or file dropped on the window is opened.
 */
public final class MainWindow {
    private final Stage stage;
    private final Workbench wb;
    private final WindowPrefs windowPrefs;
    private final TabPane tabs = new TabPane();
    private final MainMenu menu;
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
    private final MonitorSession monitor;
    private final Label alarmBanner = new Label();

    public MainWindow(Stage stage, Workbench wb) {
        WorkbenchModel model = wb.model();
        Session session = wb.session();
        StartFolders.dataSource(() -> model.dataSourceProperty().get());
        this.stage = stage;
        this.wb = wb;
        monitor = new MonitorSession(model, ex -> Dialogs.error(stage, "Monitoring stopped", Dialogs.describe(ex)));
        dataPane = new LazyPane<>(() -> new DataPane(session, wb.data()));
        signalsPane = new LazyPane<>(() -> new SignalsPane(model, session.fxTasks()));
        modelPane = new LazyPane<>(() -> new ModelPane(session, wb.models(), wb.scoring()));
        thresholdPane = new LazyPane<>(() -> new ThresholdPane(model, wb.scoring(), this::showFile));
        exportPane = new LazyPane<>(() -> new ExportPane(model, wb.exports()));
        PhysicsPrefs physicsPrefs = new PhysicsPrefs(session.prefsNode());
        model.physicsSettingsProperty().set(physicsPrefs.load());
        physicsPane = new LazyPane<>(() -> new PhysicsPane(session, wb.run(), physicsPrefs));
        comparePane = new LazyPane<>(() -> new ComparePane(session));
        healthPane = new LazyPane<>(() -> new HealthPane(session));
        spectraPane = new LazyPane<>(() -> new SpectraPane(session));
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
        wb.projects().layout(this::layout, this::applyLayout);
        menu = new MainMenu(
                wb, monitor, new MainMenu.WindowCommands(this::monitorDirectory, this::exportAllCharts, this::quit));

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
        root.setTop(new VBox(menu.bar(), alarmBanner));
        root.setCenter(tabs);
        root.setBottom(StatusBar.of(session, monitor));
        windowPrefs = new WindowPrefs(session.prefsNode());
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

    MonitorSession monitor() {
        return monitor;
    }

    /** File > Recent data sets and projects (a test hook). */
    Menu recentMenu() {
        return menu.recentMenu();
    }

    /** The banner that shows a monitored directory's alarm (a test hook). */
    Label alarmBanner() {
        return alarmBanner;
    }

    /** Selects a file (row) and shows it in the Signals pane. */
    void showFile(int row) {
        wb.model().selectedRowProperty().set(row);
        tabs.getSelectionModel().select(signalsTab);
    }

    private void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            e.setDropCompleted(wb.data().openDropped(e.getDragboard().getFiles()));
            e.consume();
        });
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

    /** Asks before quitting when the model, its threshold or the session would be lost; true to quit. */
    boolean confirmQuit() {
        return QuitGuard.confirm(stage, wb);
    }

    /** File > Export all charts…: every chart of every pane as PNG (192 dpi) into one folder. */
    void exportAllCharts() {
        ChartExport.askAndWrite(stage, tabs);
    }

    /** Writes every chart of every pane to {@code dir}; returns the files written. */
    List<Path> exportAllCharts(Path dir, int dpi) throws IOException {
        return ChartExport.write(stage, tabs, dir, dpi);
    }

    /** File > Quit: asks first when work would be lost. */
    void quit() {
        if (confirmQuit()) {
            stage.close();
        }
    }

    /** The window's layout as a project keeps it: the pane shown, the window's size, the Threshold pane's options. */
    Map<String, String> layout() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tab", tabs.getSelectionModel().getSelectedItem().getId());
        m.put("width", Long.toString(Math.round(stage.getWidth())));
        m.put("height", Long.toString(Math.round(stage.getHeight())));
        m.put("maximized", Boolean.toString(stage.isMaximized()));
        thresholdPane().saveLayout(m);
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
}
