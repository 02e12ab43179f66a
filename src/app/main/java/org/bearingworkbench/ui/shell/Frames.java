package org.bearingworkbench.ui.shell;

import javafx.animation.AnimationTimer;

/** Work put off until what is on screen now has been drawn (the window first, then the data; a chart, then a table). */
public final class Frames {
    private Frames() {}

    /**
     * Runs {@code r} on the JavaFX thread at the start of the pulse after the next one: the next pulse lays out and
     * hands to the renderer what changed before this call, and {@code r}'s changes follow one frame later.
     */
    public static void afterNextFrame(Runnable r) {
        afterFrames(1, r);
    }

    /** Runs {@code r} on the JavaFX thread once {@code frames} more frames have been laid out (at least one). */
    static void afterFrames(int frames, Runnable r) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses > Math.max(1, frames)) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }
}
