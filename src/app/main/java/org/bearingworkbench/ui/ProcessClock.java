package org.bearingworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long this process has run, for the start-up times a user waits for ({@code gui --startup-times}). On Linux it is
 * read from the kernel's own clock since boot: {@code /proc/uptime} less the process's start in
 * {@code /proc/self/stat}, both in 10 ms ticks. {@link ProcessHandle.Info#startInstant()} is not used there: it adds
 * the start to the boot time in whole seconds ({@code btime} in {@code /proc/stat}), so its figures were too long by
 * the boot time's fraction of a second, the same for every run on one machine and anything from 0 to 1 s between
 * machines (0.36 s on the one that found it). Elsewhere it falls back to {@code startInstant}.
 */
final class ProcessClock {
    private static final double MS_PER_TICK = 10.0; // USER_HZ: 100 on every Linux architecture the JDK runs on

    private ProcessClock() {}

    /** Milliseconds since this process started, or -1 where that cannot be read. */
    static long sinceStart() {
        try {
            return sinceStart(Files.readString(Path.of("/proc/self/stat")), Files.readString(Path.of("/proc/uptime")));
        } catch (IOException | RuntimeException e) { // not Linux, or no /proc
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(t -> Duration.between(t, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    /**
     * From the texts of {@code /proc/self/stat} and {@code /proc/uptime}: the start is the stat's 22nd field, counted
     * after the command's name, which is in parentheses and may hold spaces and parentheses of its own.
     */
    static long sinceStart(String stat, String uptime) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(fields[22 - 3]); // fields[0] is the 3rd field (the state)
        double upSeconds = Double.parseDouble(uptime.trim().split("\\s+")[0]);
        return Math.round(upSeconds * 1000 - startTicks * MS_PER_TICK);
    }
}
