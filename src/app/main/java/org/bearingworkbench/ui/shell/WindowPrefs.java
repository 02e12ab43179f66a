package org.bearingworkbench.ui.shell;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's size and maximized state, remembered between sessions in the user's preferences. */
public final class WindowPrefs {
    private final Preferences prefs;

    public WindowPrefs(String node) {
        this.prefs = Preferences.userRoot().node(node).node("window");
    }

    /**
     * Scene size to open with: the last one, else {@code width} x {@code height}; never larger than the screen's
     * usable area (a size saved on a larger monitor would put the window's edges, and its status bar, off screen).
     */
    public double[] size(double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new double[] {
            fit(prefs.getDouble("width", width), screen.getWidth()),
            fit(prefs.getDouble("height", height), screen.getHeight())
        };
    }

    /** {@code v} within 640 and {@code screen} (8000 when the screen's size is unknown). */
    static double fit(double v, double screen) {
        double most = screen > 0 ? screen : 8000;
        return Math.max(Math.min(640, most), Math.min(v, most));
    }

    public boolean maximized() {
        return prefs.getBoolean("maximized", false);
    }

    public void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && stage.getScene() != null) {
            prefs.putDouble("width", stage.getScene().getWidth());
            prefs.putDouble("height", stage.getScene().getHeight());
        }
    }
}
