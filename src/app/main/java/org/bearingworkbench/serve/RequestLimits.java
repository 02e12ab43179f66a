package org.bearingworkbench.serve;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the service to its {@link ServeLimits}: {@code /v1} requests at once, request bodies by size and time, and
 * what {@code /health} says about the server itself (a heap nearly full after garbage collection, or every request
 * slot held with none finishing: wedged).
 */
final class RequestLimits {
    /** A heap pool this full right after a collection: the server is out of memory, whatever it still answers. */
    static final double HEAP_FULL = 0.95;

    /** A body longer than this (or of unknown length) is a large request: at most one per core works at once. */
    static final long LARGE_BODY = 64 * 1024;

    private final ServeLimits limits;
    private final Semaphore slots;
    private final Semaphore large = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private final AtomicLong lastFinished = new AtomicLong(System.nanoTime());

    RequestLimits(ServeLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxInFlight());
    }

    /** A request body over the limit, however it came (a length, chunks, or compressed). */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    /** A request body that did not arrive in time. */
    static final class BodyTooSlow extends RuntimeException {
        BodyTooSlow(String message) {
            super(message);
        }
    }

    /** Every request slot is taken: the request is refused at once (503), not queued. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    /**
     * {@code handler} run in one of the request slots, or refused with {@link Busy} when none is free. A large
     * request (a body over {@link #LARGE_BODY}, or chunked) also waits in its slot for one of the cores' turns, so
     * that thousand-row bodies do not crowd out the CPU that one-row requests need for a short answer.
     */
    Handler limited(Handler handler) {
        return ctx -> {
            if (!slots.tryAcquire()) {
                throw new Busy("busy: " + limits.maxInFlight() + " requests are being served; try again shortly");
            }
            boolean big = false;
            try {
                long length = ctx == null ? 0 : ctx.req().getContentLengthLong();
                big = length < 0 || length > LARGE_BODY;
                if (big && !large.tryAcquire(limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    big = false;
                    throw new Busy("busy: large requests waited "
                            + limits.bodyTimeout().toSeconds() + " s for their turn; try again shortly");
                }
                handler.handle(ctx);
            } finally {
                if (big) {
                    large.release();
                }
                slots.release();
                lastFinished.set(System.nanoTime());
            }
        };
    }

    /**
     * The request body, read up to the size limit whatever its transfer (a chunked body has no length for the
     * server's own check to refuse up front, so the bytes are counted as they arrive: 413 at the first byte over) and
     * within the body timeout (408).
     */
    byte[] body(Context ctx) {
        long start = System.nanoTime();
        long deadline = limits.bodyTimeout().toNanos();
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limits.maxBodyBytes()) {
                    throw new BodyTooLarge("request body over the limit of " + limits.maxBodyBytes() + " bytes");
                }
                if (System.nanoTime() - start > deadline) {
                    throw tooSlow(total);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // the connection's idle timeout ended a read that waited for bytes that did not come
            throw tooSlow(-1);
        }
    }

    private BodyTooSlow tooSlow(long received) {
        return new BodyTooSlow("request body not received in time (at most "
                + limits.bodyTimeout().toSeconds()
                + " s, and " + limits.idleTimeout().toSeconds() + " s without data"
                + (received >= 0 ? "; " + received + " bytes came" : "") + ")");
    }

    int inFlight() {
        return limits.maxInFlight() - slots.availablePermits();
    }

    /**
     * Why the server is not healthy, or null when it is: a heap pool over {@link #HEAP_FULL} after its last
     * collection, or every request slot held and none finished for twice the body timeout (wedged).
     */
    String problem() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null && after.getMax() > 0 && after.getUsed() > HEAP_FULL * after.getMax()) {
                return "out of memory: heap pool '" + pool.getName() + "' is "
                        + Math.round(100.0 * after.getUsed() / after.getMax()) + "% full after garbage collection";
            }
        }
        long quiet = System.nanoTime() - lastFinished.get();
        if (slots.availablePermits() == 0 && quiet > 2 * limits.bodyTimeout().toNanos()) {
            return "wedged: all " + limits.maxInFlight() + " request slots held and none finished for "
                    + quiet / 1_000_000_000L + " s";
        }
        return null;
    }
}
