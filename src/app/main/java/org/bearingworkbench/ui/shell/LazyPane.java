package org.bearingworkbench.ui.shell;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * A pane made on first use (its tab first shown, or a menu action or test that needs it): the window's start pays for
 * the pane it shows, not for all nine. A pane made late must show the model as it is then (each pane's constructor
 * catches up with the data, model and analysis already open). It is always made on the JavaFX thread (charts insist);
 * another thread asking first waits for it.
 */
public final class LazyPane<T extends Node> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T pane;

    public LazyPane(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T p = pane;
        if (p != null) {
            return p;
        }
        if (Platform.isFxApplicationThread()) {
            pane = make.get();
            return pane;
        }
        CompletableFuture<T> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                made.complete(get());
            } catch (RuntimeException | Error e) {
                made.completeExceptionally(e);
            }
        });
        return made.join();
    }
}
