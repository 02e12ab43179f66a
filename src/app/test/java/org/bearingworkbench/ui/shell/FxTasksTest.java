package org.bearingworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The background lane (bearing physics): it shows it runs, it can be cancelled, and a cancelled job never
 * publishes.
 */
class FxTasksTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBackgroundJobCanBeCancelledAndThenNeverPublishes() throws Exception {
        FxTasks tasks = new FxTasks();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        AtomicBoolean published = new AtomicBoolean();
        Platform.runLater(() -> tasks.background(
                "Bearing physics",
                ctx -> {
                    started.countDown();
                    for (int i = 0; i < 10_000 && !ctx.isCancelled(); i++) {
                        ctx.progress(i, 10_000, "file " + i);
                        Thread.sleep(1);
                    }
                    sawCancel.set(ctx.isCancelled());
                    return "done";
                },
                r -> published.set(true),
                ex -> published.set(true)));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tasks.backgroundRunningProperty().get());
        WaitForAsyncUtils.asyncFx(tasks::cancelBackground).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sawCancel::get);
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tasks.backgroundRunningProperty().get());
        assertFalse(published.get(), "a cancelled job's result is dropped");
        assertTrue(
                tasks.backgroundMessageProperty().get().contains("cancelled"),
                tasks.backgroundMessageProperty().get());
    }

    @Test
    void queuedJobsKeepTheirOwnStateAndCancelReachesEveryOne() throws Exception {
        FxTasks tasks = new FxTasks();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean secondSawCancel = new AtomicBoolean();
        AtomicBoolean firstDone = new AtomicBoolean();
        Platform.runLater(() -> {
            tasks.run(
                    "first",
                    ctx -> {
                        firstMayEnd.await(10, TimeUnit.SECONDS);
                        return 1;
                    },
                    r -> firstDone.set(true),
                    ex -> {});
            tasks.run(
                    "second",
                    ctx -> {
                        secondStarted.countDown();
                        for (int i = 0; i < 10_000 && !ctx.isCancelled(); i++) {
                            ctx.progress(i, 10_000, "step " + i);
                            Thread.sleep(1);
                        }
                        secondSawCancel.set(ctx.isCancelled());
                        ctx.checkCancelled(); // as core tasks do: a cancelled job ends with CancelledException
                        return 2;
                    },
                    r -> {},
                    ex -> {});
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tasks.runningProperty().get());
        firstMayEnd.countDown();
        assertTrue(secondStarted.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, firstDone::get);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tasks.runningProperty().get(), "the first job's end leaves the lane running for the second");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> tasks.messageProperty().get().startsWith("second: step"));
        assertTrue(tasks.progressProperty().get() >= 0, "the second job's progress is shown");
        WaitForAsyncUtils.asyncFx(tasks::cancel).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, secondSawCancel::get);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("second: cancelled", tasks.messageProperty().get());
    }

    @Test
    void cancelAlsoStopsAJobStillWaitingInTheQueue() throws Exception {
        FxTasks tasks = new FxTasks();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean queuedRanToEnd = new AtomicBoolean();
        Platform.runLater(() -> {
            tasks.run(
                    "busy",
                    ctx -> {
                        release.await(10, TimeUnit.SECONDS);
                        return 0;
                    },
                    r -> {},
                    ex -> {});
            tasks.run(
                    "queued",
                    ctx -> {
                        if (!ctx.isCancelled()) {
                            queuedRanToEnd.set(true);
                        }
                        return 0;
                    },
                    r -> {},
                    ex -> {});
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(tasks::cancel).get(10, TimeUnit.SECONDS);
        release.countDown();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        assertFalse(queuedRanToEnd.get(), "Cancel reached the queued job too");
    }

    @Test
    void aFinishedBackgroundJobPublishesAndStopsShowing() throws Exception {
        FxTasks tasks = new FxTasks();
        CountDownLatch published = new CountDownLatch(1);
        String[] got = new String[1];
        Platform.runLater(() -> tasks.background(
                "quick",
                ctx -> "42",
                r -> {
                    got[0] = r;
                    published.countDown();
                },
                ex -> {}));
        assertTrue(published.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("42", got[0]);
        assertFalse(tasks.backgroundRunningProperty().get());
        assertEquals("", tasks.backgroundMessageProperty().get());
    }
}
