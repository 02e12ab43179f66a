package org.bearingworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessClockTest {
    @Test
    void theStartIsTheTwentySecondFieldCountedAfterTheCommandName() {
        StringBuilder stat = new StringBuilder("4242 (a b) (c)) S");
        for (int field = 4; field <= 30; field++) {
            stat.append(' ').append(field == 22 ? 5_000 : field);
        }
        // 60.00 s since boot, started at tick 5,000 (50 s): 10 s
        assertEquals(10_000, ProcessClock.sinceStart(stat + "\n", "60.00 118.25\n"));
        assertEquals(10_010, ProcessClock.sinceStart(stat.toString(), "60.01 1.00"));
    }

    @Test
    void agreesWithTheJvmsOwnUptime() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long process = ProcessClock.sinceStart();
        long jvmAfter = ManagementFactory.getRuntimeMXBean().getUptime();
        // the process starts a little before its JVM (the launcher's work), to within the kernel's 10 ms tick; the
        // boot time in whole seconds that ProcessHandle adds made this up to 1 s too long
        assertTrue(process >= jvm - 20, () -> "process " + process + " ms, JVM " + jvm + " ms");
        assertTrue(process <= jvmAfter + 300, () -> "process " + process + " ms, JVM " + jvmAfter + " ms");
    }
}
