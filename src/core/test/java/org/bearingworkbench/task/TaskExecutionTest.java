package org.bearingworkbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How a core task reports progress, stops when asked and hands over its result or failure. */
class TaskExecutionTest {
    @Test
    void aTokensContextForwardsProgressAndStopsTheTaskOnceCancelled() {
        CancellationToken token = new CancellationToken();
        List<String> seen = new ArrayList<>();
        TaskContext ctx = token.contextFor((done, total, message) -> seen.add(done + "/" + total + " " + message));
        ctx.progress(1, 3, "file a");
        ctx.checkCancelled();
        assertFalse(ctx.isCancelled());
        token.cancel();
        assertTrue(ctx.isCancelled());
        assertThrows(CancelledException.class, ctx::checkCancelled);
        assertEquals(List.of("1/3 file a"), seen);
    }

    @Test
    void theSilentContextIsNeverCancelled() {
        TaskContext ctx = TaskContext.silent();
        ctx.progress(5, 10, "ignored");
        ctx.checkCancelled();
        assertFalse(ctx.isCancelled());
    }

    @Test
    void theSyncExecutorHandsOverTheResultOrTheFailureAndDropsACancelledTask() throws Exception {
        SyncTaskExecutor executor = new SyncTaskExecutor();
        int answer = executor.execute("answer", ctx -> 42, ProgressListener.NONE);
        assertEquals(42, answer);

        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        executor.submit("ok", ctx -> "done", result::set, failure::set);
        assertEquals("done", result.get());
        assertNull(failure.get());

        IllegalStateException boom = new IllegalStateException("bad file");
        executor.submit(
                "fails",
                ctx -> {
                    throw boom;
                },
                result::set,
                failure::set);
        assertEquals(boom, failure.get());

        result.set(null);
        failure.set(null);
        executor.cancel();
        executor.submit(
                "cancelled",
                ctx -> {
                    ctx.checkCancelled();
                    return "never";
                },
                result::set,
                failure::set);
        assertNull(result.get(), "a cancelled task has no result");
        assertNull(failure.get(), "and is not a failure");
    }
}
