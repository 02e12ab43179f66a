package org.bearingworkbench.task;

/** Runs core tasks. The CLI and tests use {@link SyncTaskExecutor}; the GUI runs them on a background thread. */
public interface TaskExecutor {
    <T> T execute(String title, CoreTask<T> task, ProgressListener listener) throws Exception;
}
