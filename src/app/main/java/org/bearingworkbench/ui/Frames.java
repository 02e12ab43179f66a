package org.bearingworkbench.ui;

import javafx.animation.AnimationTimer;

/** Work put off until what is on screen now has been drawn (the window first, then the data; a chart, then a table). */
final class Frames {
    private Frames() {}

    /**
     * Runs {@code r} on the JavaFX thread at the start of the pulse after the next one: the next pulse lays out and
     * hands to the renderer what changed before this call, and {@code r}'s changes follow one frame later.
     */
    static void afterNextFrame(Runnable r) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }
}
