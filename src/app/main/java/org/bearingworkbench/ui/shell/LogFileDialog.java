package org.bearingworkbench.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.bearingworkbench.LogSetup;

/** Help > Log file…: where the workbench's log is (failures with their causes) and its last lines. */
public final class LogFileDialog {
    private static final int LAST_LINES = 40;

    private LogFileDialog() {}

    public static void show(Window owner) {
        Path file = LogSetup.logFile(); // -Dbw.logDir, else ~/.bearing-workbench/logs
        String tail;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(no log yet: " + e.getMessage() + ")";
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Bearing Workbench");
        a.setHeaderText("Log file: " + file);
        TextArea text = new TextArea(tail);
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefSize(900, 400);
        a.getDialogPane().setContent(text);
        a.setResizable(true);
        a.show();
    }
}
