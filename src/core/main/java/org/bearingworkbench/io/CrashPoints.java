package org.bearingworkbench.io;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Named points in the durable write paths (the event log, atomic file writes) where a test can make the process die
 * as a SIGKILL would, between two steps: {@code -Dbw.crashAt=NAME:N} halts the JVM (exit 137, no shutdown hook) the
 * N-th time NAME is reached. Without the property every point is a no-op. The names:
 * <ul>
 *   <li>{@code events.append}: lines about to be written to an event log (the first time: its header);
 *   <li>{@code events.written}: written, not yet forced to the device;
 *   <li>{@code atomic.temp}: a file's temporary copy written, not yet forced;
 *   <li>{@code atomic.fsync}: forced, not yet renamed over the target;
 *   <li>{@code atomic.rename}: renamed.
 * </ul>
 */
public final class CrashPoints {
    private static final String NAME;
    private static final int AT;
    private static final AtomicInteger REACHED = new AtomicInteger();

    static {
        String spec = System.getProperty("bw.crashAt");
        int colon = spec == null ? -1 : spec.lastIndexOf(':');
        NAME = colon > 0 ? spec.substring(0, colon) : spec;
        AT = colon > 0 ? Integer.parseInt(spec.substring(colon + 1)) : 1;
    }

    private CrashPoints() {}

    /** Halts the JVM here when the test's crash point is {@code name} and this is its N-th time. */
    public static void reach(String name) {
        if (NAME != null && NAME.equals(name) && REACHED.incrementAndGet() == AT) {
            LoggerFactory.getLogger(CrashPoints.class).error("crash point {}:{} reached: halting", name, AT);
            Runtime.getRuntime().halt(137);
        }
    }
}
