package org.bearingworkbench.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.bearingworkbench.ui.monitor.MonitorSession;
import org.bearingworkbench.ui.shell.FxTasks;
import org.bearingworkbench.ui.shell.Session;

/**
 * The window's status bar: the job under way with its progress and Cancel, the physics pass in the background with
 * its own Cancel, the monitoring state, and a hint where to start.
 */
final class StatusBar {
    private StatusBar() {}

    static HBox of(Session session, MonitorSession monitor) {
        FxTasks tasks = session.fxTasks();
        Label message = new Label();
        message.textProperty().bind(tasks.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(tasks.progressProperty());
        bar.visibleProperty().bind(tasks.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(tasks.runningProperty());
        cancel.setOnAction(e -> session.cancel());
        Label background = new Label();
        background.textProperty().bind(tasks.backgroundMessageProperty());
        Button cancelBackground = new Button("Cancel physics");
        cancelBackground.setTooltip(new Tooltip("Stop the bearing-physics pass (defect indicators "
                + "and spectrogram); training and scoring are not affected"));
        showWhile(cancelBackground, tasks.backgroundRunningProperty());
        cancelBackground.setOnAction(e -> tasks.cancelBackground());
        Label hint = new Label(
                "Open your own directory (Ctrl+O) · train on the Model tab · drag the threshold on the Threshold tab");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label monitoring = new Label();
        monitoring.textProperty().bind(monitor.statusProperty());
        showWhile(monitoring, monitor.runningProperty());
        monitoring.setMinWidth(0);
        monitoring.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        HBox.setHgrow(monitoring, Priority.SOMETIMES);
        Button stopMonitoring = new Button("Stop monitoring");
        stopMonitoring.setMinWidth(Region.USE_PREF_SIZE);
        showWhile(stopMonitoring, monitor.runningProperty());
        stopMonitoring.setOnAction(e -> monitor.stop());
        showWhile(hint, monitor.runningProperty().not());
        HBox box = new HBox(
                8, message, bar, cancel, background, cancelBackground, monitoring, stopMonitoring, spacer, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private static void showWhile(Node n, ObservableValue<Boolean> shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }
}
