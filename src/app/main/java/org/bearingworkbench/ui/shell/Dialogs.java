package org.bearingworkbench.ui.shell;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.bearingworkbench.task.CancelledException;

/** Error, warning and information dialogs with the core's message (never a stack trace). */
public final class Dialogs {
    private Dialogs() {}

    public static void error(Window owner, String title, String message) {
        show(Alert.AlertType.ERROR, owner, title, message);
    }

    public static void info(Window owner, String title, String message) {
        show(Alert.AlertType.INFORMATION, owner, title, message);
    }

    static void warning(Window owner, String title, String message) {
        show(Alert.AlertType.WARNING, owner, title, message);
    }

    private static void show(Alert.AlertType type, Window owner, String title, String message) {
        Alert a = new Alert(type);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Bearing Workbench");
        a.setHeaderText(title);
        a.setContentText(message);
        a.getDialogPane().setMinWidth(480);
        a.show();
    }

    /** The message a person can act on for a failure from the core. */
    public static String describe(Throwable ex) {
        if (ex instanceof CancelledException) {
            return "Cancelled.";
        }
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
