package org.bearingworkbench.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.CoreTask;
import org.bearingworkbench.task.TaskContext;
import org.bearingworkbench.task.TaskExecutor;

/**
 * Runs core tasks off the FX thread, wrapped in {@link javafx.concurrent.Task}, and publishes their progress to the
 * status bar. Long jobs (import, training, scoring) go one at a time; view jobs (a file's waveform and spectrum)
 * run on their own thread, and a newer view request cancels the older one (latest wins).
 */
public final class FxTasks implements TaskExecutor {
    /** How often a running task's progress reaches the status bar. */
    static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final ExecutorService work = Executors.newSingleThreadExecutor(daemon("work"));
    private final ExecutorService views = Executors.newSingleThreadExecutor(daemon("views"));
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("background"));
    private final StringProperty backgroundMessage = new SimpleStringProperty("");
    private final BooleanProperty backgroundRunning = new SimpleBooleanProperty();
    private CancellationToken currentBackground;
    private final StringProperty message = new SimpleStringProperty("Ready");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final List<Job> jobs = new ArrayList<>();
    private Job shown;
    private final Map<String, CancellationToken> currentViews = new HashMap<>();

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "bw-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty backgroundMessageProperty() {
        return backgroundMessage;
    }

    /** Whether a background job (bearing physics) is running. */
    public ReadOnlyBooleanProperty backgroundRunningProperty() {
        return backgroundRunning;
    }

    /** Asks the running background job to stop; its results are dropped and the status says so. */
    public void cancelBackground() {
        if (currentBackground != null && backgroundRunning.get()) {
            currentBackground.cancel();
            backgroundMessage.unbind();
            backgroundMessage.set(
                    "bearing physics cancelled (Apply and recompute on the Bearing physics tab runs it again)");
            backgroundRunning.set(false);
        }
    }

    /**
     * Runs a job that follows an import (bearing physics) on its own thread, so it never blocks training; a new
     * background job cancels the previous one.
     */
    @Override
    public <T> void background(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (currentBackground != null) {
            currentBackground.cancel();
        }
        CancellationToken token = new CancellationToken();
        currentBackground = token;
        Task<T> fx = wrap(title, task, token);
        backgroundMessage.unbind();
        backgroundMessage.bind(fx.messageProperty());
        fx.setOnSucceeded(e -> {
            if (!token.isCancelled()) {
                backgroundMessage.unbind();
                backgroundMessage.set("");
                backgroundRunning.set(false);
                onSuccess.accept(fx.getValue());
            }
        });
        fx.setOnFailed(e -> {
            if (!token.isCancelled()) {
                backgroundMessage.unbind();
                backgroundMessage.set("");
                backgroundRunning.set(false);
            }
            if (!token.isCancelled() && !(fx.getException() instanceof CancelledException)) {
                onFailure.accept(fx.getException());
            }
        });
        backgroundRunning.set(true);
        background.submit(fx);
    }

    /** Asks the long jobs to stop: the running one at its next check, the queued ones before they start. */
    @Override
    public void cancel() {
        for (Job j : List.copyOf(jobs)) {
            j.token.cancel();
        }
    }

    @Override
    public <T> void submit(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(title, task, onSuccess, onFailure);
    }

    /** Runs {@code r} on the FX thread (later, when called from another thread). */
    @Override
    public void publish(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** A long job with its own state: its token, and whether the status bar shows it. */
    private record Job(String title, CancellationToken token, Task<?> task) {}

    /**
     * Runs a long job; success and failure are delivered on the FX thread. Cancellation ends it quietly. Jobs run one
     * at a time in order; each has its own progress and cancellation, the status bar shows the one running, and the
     * lane counts as running until the last queued job has finished.
     */
    public <T> Task<T> run(String title, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        Task<T> fx = wrap(title, task, token);
        Job job = new Job(title, token, fx);
        jobs.add(job);
        running.set(true);
        if (shown == null) {
            message.unbind();
            message.set(title + ": waiting…");
        }
        fx.setOnRunning(e -> show(job));
        fx.setOnSucceeded(e -> {
            finish(job, title + ": done");
            onSuccess.accept(fx.getValue());
        });
        fx.setOnFailed(e -> {
            Throwable ex = fx.getException();
            if (ex instanceof CancelledException) {
                finish(job, title + ": cancelled");
            } else {
                finish(job, title + ": failed");
                onFailure.accept(ex);
            }
        });
        fx.setOnCancelled(e -> finish(job, title + ": cancelled"));
        work.submit(fx);
        return fx;
    }

    private void show(Job job) {
        shown = job;
        message.unbind();
        progress.unbind();
        message.bind(job.task.messageProperty());
        progress.bind(job.task.progressProperty());
    }

    /** A job ended: the status says so when it was the one shown; the lane runs on while others are queued. */
    private void finish(Job job, String text) {
        jobs.remove(job);
        if (shown == job || shown == null) {
            shown = null;
            message.unbind();
            progress.unbind();
            message.set(text);
            progress.set(0);
        }
        running.set(!jobs.isEmpty());
    }

    /** Runs a quick view job; a newer view job cancels this one, and a cancelled job never publishes. */
    public <T> void view(CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        view("view", task, onSuccess, onFailure);
    }

    /**
     * {@link #view} in a slot of its own: a newer job of the same slot cancels this one, other slots' jobs do not (a
     * pane's own view beside the Signals pane's file).
     */
    public <T> void view(String slot, CoreTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken previous = currentViews.get(slot);
        if (previous != null) {
            previous.cancel();
        }
        CancellationToken token = new CancellationToken();
        currentViews.put(slot, token);
        Task<T> fx = wrap("view", task, token);
        fx.setOnSucceeded(e -> {
            if (!token.isCancelled()) {
                onSuccess.accept(fx.getValue());
            }
        });
        fx.setOnFailed(e -> {
            if (!token.isCancelled() && !(fx.getException() instanceof CancelledException)) {
                onFailure.accept(fx.getException());
            }
        });
        views.submit(fx);
    }

    private static <T> Task<T> wrap(String title, CoreTask<T> task, CancellationToken token) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title + "…");
                updateProgress(-1, 1);
                return task.run(new TaskContext() {
                    private volatile long shown = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

                    @Override
                    public void progress(long done, long total, String text) {
                        // the status bar follows at most 4 times a second (and always at the end): each change
                        // redraws the window, which took the cores from fast work such as training (issue 18)
                        long now = System.nanoTime();
                        if (done < total && now - shown < PROGRESS_INTERVAL_NANOS) {
                            return;
                        }
                        shown = now;
                        updateProgress(done, total);
                        updateMessage(title + ": " + text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return token.isCancelled();
                    }
                });
            }
        };
    }
}
