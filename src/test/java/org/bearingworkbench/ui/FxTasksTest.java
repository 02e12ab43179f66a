package org.bearingworkbench.ui;

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

/** The background lane (bearing physics): it shows it runs, it can be cancelled, and a cancelled job never publishes. */
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
        Platform.runLater(() -> tasks.background("Bearing physics", ctx -> {
            started.countDown();
            for (int i = 0; i < 10_000 && !ctx.isCancelled(); i++) {
                ctx.progress(i, 10_000, "file " + i);
                Thread.sleep(1);
            }
            sawCancel.set(ctx.isCancelled());
            return "done";
        }, r -> published.set(true), ex -> published.set(true)));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tasks.backgroundRunningProperty().get());
        WaitForAsyncUtils.asyncFx(tasks::cancelBackground).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sawCancel::get);
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tasks.backgroundRunningProperty().get());
        assertFalse(published.get(), "a cancelled job's result is dropped");
        assertTrue(tasks.backgroundMessageProperty().get().contains("cancelled"), tasks.backgroundMessageProperty().get());
    }

    @Test
    void aFinishedBackgroundJobPublishesAndStopsShowing() throws Exception {
        FxTasks tasks = new FxTasks();
        CountDownLatch published = new CountDownLatch(1);
        String[] got = new String[1];
        Platform.runLater(() -> tasks.background("quick", ctx -> "42", r -> {
            got[0] = r;
            published.countDown();
        }, ex -> { }));
        assertTrue(published.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("42", got[0]);
        assertFalse(tasks.backgroundRunningProperty().get());
        assertEquals("", tasks.backgroundMessageProperty().get());
    }
}
