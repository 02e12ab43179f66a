package org.bearingworkbench.ui.shell;

import java.util.function.Supplier;
import javafx.stage.Window;

/** The dialog service of the window: JavaFX alerts owned by the main window. */
final class FxDialogs implements DialogService {
    private final Supplier<Window> owner;

    FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String message) {
        Dialogs.error(owner.get(), title, message);
    }

    @Override
    public void warning(String title, String message) {
        Dialogs.warning(owner.get(), title, message);
    }

    @Override
    public void info(String title, String message) {
        Dialogs.info(owner.get(), title, message);
    }
}
