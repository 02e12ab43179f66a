package org.bearingworkbench.ui.shell;

import java.util.function.Consumer;

/**
 * A pane's background updates, of which only the latest is shown: each request takes a {@link #next} ticket and its
 * callbacks run only while no newer ticket was taken and {@link #invalidate} was not called (the data the result was
 * computed for is gone). Used on the FX thread only.
 */
public final class LatestOnly {
    private long latest;
    private boolean waiting;

    /** A ticket for the request made now; the one before it is out of date from now on. */
    public Ticket next() {
        waiting = true;
        return new Ticket(++latest);
    }

    /**
     * The results under way are out of date (the data or the model changed): none of them is shown. True when the
     * latest request had not been answered yet (the pane may say that its result will not come).
     */
    public boolean invalidate() {
        boolean was = waiting;
        waiting = false;
        latest++;
        return was;
    }

    /** One request's claim to be shown. */
    public final class Ticket {
        private final long mine;

        private Ticket(long mine) {
            this.mine = mine;
        }

        /** {@code show}, run only if this is still the latest request when the result (or the failure) arrives. */
        public <T> Consumer<T> then(Consumer<T> show) {
            return result -> {
                if (mine == latest) {
                    waiting = false;
                    show.accept(result);
                }
            };
        }
    }
}
