package org.bearingworkbench.task;

import java.util.function.Consumer;

/**
 * Runs core tasks for a front end: the window runs them on background threads and hands results to the FX thread
 * ({@code ui.FxTasks}); tests and the command line run them on the calling thread ({@link SyncTaskExecutor}), so
 * the logic around them (a controller's actions) can be tested without a window.
 */
public interface TaskExecutor {
    /**
     * Runs {@code task} as a main job (after the jobs before it); its result goes to {@code onSuccess}, its failure to
     * {@code onFailure}, both on the thread that shows results. A cancelled job ends quietly (neither is called).
     */
    <T> void submit(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Secondary work that must not hold up the main jobs (e.g. the physics after an import); by default a main job. */
    default <T> void background(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(title, task, onSuccess, onFailure);
    }

    /** Asks the running and queued main jobs to stop. */
    void cancel();

    /** Runs {@code r} on the thread that shows results (the caller's, for a synchronous executor). */
    default void publish(Runnable r) {
        r.run();
    }
}
