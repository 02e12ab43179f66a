package org.bearingworkbench.io;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on every file of a run in parallel: as many workers as asked, each with its own reusable
 * {@link SnapshotReader} (so at most one raw file per worker is in memory). Progress is reported from the calling
 * thread; cancellation stops the workers between files.
 */
public final class SnapshotWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWorkers.class);
    /** Work on file {@code index} with the worker's reader; it records its own errors (it must not throw). */
    @FunctionalInterface
    public interface Job {
        void run(SnapshotReader reader, int index);
    }

    private SnapshotWorkers() {}

    /**
     * Runs {@code job} for indexes 0..n-1 and returns when all are done; {@code progress} gets the number of
     * finished files every 100 ms and once at the end.
     *
     * @throws CancelledException when the context was cancelled
     */
    public static void run(int n, int threads, String name, TaskContext context, Job job, IntConsumer progress) {
        run(n, threads, name, context, SnapshotReader::new, job, progress);
    }

    /**
     * As {@link #run(int, int, String, TaskContext, Job, IntConsumer)}, each worker with a reader from
     * {@code readers} (e.g. one with the directory's size and column limits). A job that throws (an
     * {@link OutOfMemoryError} included) is logged and leaves its result unset; the other files go on.
     */
    public static void run(
            int n,
            int threads,
            String name,
            TaskContext context,
            Supplier<SnapshotReader> readers,
            Job job,
            IntConsumer progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, n));
        CountDownLatch finished = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(
                    () -> {
                        try {
                            SnapshotReader reader = readers.get();
                            int i;
                            while (!context.isCancelled() && (i = next.getAndIncrement()) < n) {
                                try {
                                    job.run(reader, i);
                                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                                    LOG.error("{} worker failed on item {}", name, i, e);
                                    reader = readers.get(); // its buffers may be in any state
                                }
                                done.incrementAndGet();
                            }
                        } finally {
                            finished.countDown();
                        }
                    },
                    name + "-" + w);
            t.setDaemon(true);
            t.start();
        }
        try {
            while (!finished.await(100, TimeUnit.MILLISECONDS)) {
                progress.accept(done.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        context.checkCancelled();
        progress.accept(done.get());
    }
}
