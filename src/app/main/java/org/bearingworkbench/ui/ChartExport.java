package org.bearingworkbench.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.ui.shell.Dialogs;
import org.bearingworkbench.ui.shell.StartFolders;
import org.bearingworkbench.ui.widgets.ChartBox;

/** File > Export all charts…: every chart of every pane as a PNG into one folder. */
final class ChartExport {
    private ChartExport() {}

    /** File > Export all charts…: every chart of every pane as PNG (192 dpi) into one folder. */
    static void askAndWrite(Stage stage, TabPane tabs) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setInitialDirectory(StartFolders.initial());
        dc.setTitle("Export all charts into a folder");
        File d = StartFolders.chosen(dc.showDialog(stage));
        if (d != null) {
            try {
                int n = write(stage, tabs, d.toPath(), 192).size();
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
    static List<Path> write(Stage stage, TabPane tabs, Path dir, int dpi) throws IOException {
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
}
