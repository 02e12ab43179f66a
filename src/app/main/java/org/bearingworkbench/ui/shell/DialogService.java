package org.bearingworkbench.ui.shell;

/**
 * The messages a controller shows the user, behind an interface so that controller logic runs in a test without a
 * window ({@link FxDialogs} shows them as JavaFX alerts).
 */
public interface DialogService {
    void error(String title, String message);

    void warning(String title, String message);

    void info(String title, String message);
}
