package org.bearingworkbench.task;

/** Runs a task on the calling thread; cancellation comes from the token it was built with. */
public final class SyncTaskExecutor implements TaskExecutor {
    private final CancellationToken token;

    public SyncTaskExecutor() {
        this(new CancellationToken());
    }

    public SyncTaskExecutor(CancellationToken token) {
        this.token = token;
    }

    @Override
    public <T> T execute(String title, CoreTask<T> task, ProgressListener listener) throws Exception {
        return task.run(token.contextFor(listener));
    }
}
