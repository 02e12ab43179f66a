package org.bearingworkbench.ui;

import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** The window's size and maximized state, remembered between sessions in the user's preferences. */
final class WindowPrefs {
    private final Preferences prefs;

    WindowPrefs(String node) {
        this.prefs = Preferences.userRoot().node(node).node("window");
    }

    /** Scene size to open with: the last one, else {@code width} x {@code height}. */
    double[] size(double width, double height) {
        return new double[] {clamp(prefs.getDouble("width", width)), clamp(prefs.getDouble("height", height))};
    }

    boolean maximized() {
        return prefs.getBoolean("maximized", false);
    }

    void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && stage.getScene() != null) {
            prefs.putDouble("width", stage.getScene().getWidth());
            prefs.putDouble("height", stage.getScene().getHeight());
        }
    }

    private static double clamp(double v) {
        return Math.max(640, Math.min(v, 8000));
    }
}
