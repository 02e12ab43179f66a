package org.bearingworkbench.task;

import java.util.function.Consumer;

/** Runs a task on the calling thread; cancellation comes from the token it was built with. */
public final class SyncTaskExecutor implements TaskExecutor {
    private final CancellationToken token;

    public SyncTaskExecutor() {
        this(new CancellationToken());
    }

    public SyncTaskExecutor(CancellationToken token) {
        this.token = token;
    }

    /** Runs {@code task} now and returns its result (its failure is thrown). */
    public <T> T execute(String title, CoreTask<T> task, ProgressListener listener) throws Exception {
        return task.run(token.contextFor(listener));
    }

    @Override
    public <T> void submit(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = task.run(token.contextFor(ProgressListener.NONE));
        } catch (CancelledException e) {
            return;
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void cancel() {
        token.cancel();
    }
}
