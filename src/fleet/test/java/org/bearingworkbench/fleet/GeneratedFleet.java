package org.bearingworkbench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.io.SyntheticRunWriter;
import org.bearingworkbench.signal.SyntheticRun;
import org.bearingworkbench.task.TaskContext;

/**
 * A fleet written for the tests: healthy machines, machines whose outer-race defect starts at different times on
 * different bearings, one with damaged files among good ones, one with two channels where the model reads four, and
 * an empty directory. Each machine is the bundled sample's shape (160 snapshots of 2,048 rows, 10 minutes apart).
 */
final class GeneratedFleet {
    static final LocalDateTime START = LocalDateTime.of(2025, 3, 1, 8, 0, 0);

    static final int FILES = 160;
    /** A healthy machine: the first 160 files of a run whose defect would start only at its 161st. */
    static final double HEALTHY = -1;

    /** A machine of the fleet: its name and, for a failing one, the fraction of the run where its defect starts. */
    record Spec(String name, int channels, int faultyChannel, double defectStart, long seed) {
        boolean healthy() {
            return defectStart == HEALTHY;
        }
    }

    static final List<Spec> SPECS = specs();

    private GeneratedFleet() {}

    private static List<Spec> specs() {
        List<Spec> out = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            out.add(new Spec(String.format("healthy-%02d", i), 4, 1, HEALTHY, 100 + i));
        }
        double[] onsets = {0.55, 0.62, 0.68, 0.74, 0.80, 0.86};
        for (int i = 0; i < onsets.length; i++) {
            out.add(new Spec(String.format("onset-%02d", i + 5), 4, 1 + i % 4, onsets[i], 200 + i));
        }
        out.add(new Spec("bad-files-11", 4, 2, 0.7, 300));
        out.add(new Spec("two-channels-12", 2, 1, 0.7, 400));
        return out;
    }

    static void write(Path root) throws IOException {
        write(root, SPECS);
        damage(root.resolve("bad-files-11"));
        Files.createDirectories(root.resolve("empty-13"));
        Files.createDirectories(root.resolve("_spark_metadata")); // not a machine: hidden names are left alone
    }

    static void write(Path root, List<Spec> specs) throws IOException {
        for (Spec s : specs) {
            int files = s.healthy() ? 2 * FILES : FILES;
            double defectStart = s.healthy() ? 0.55 : s.defectStart();
            SyntheticRun run = new SyntheticRun(
                    files,
                    2048,
                    s.channels(),
                    20000,
                    START,
                    Duration.ofMinutes(10),
                    s.faultyChannel(),
                    defectStart,
                    s.seed());
            Path dir = root.resolve(s.name());
            SyntheticRunWriter.write(run, dir, false, TaskContext.silent());
            for (Path late : sorted(dir).subList(FILES, files)) {
                Files.delete(late);
            }
        }
    }

    /** Three of the machine's files made unreadable: empty, not numbers, rows of the wrong width. */
    private static void damage(Path dir) throws IOException {
        List<Path> files = sorted(dir);
        Files.write(files.get(20), new byte[0]);
        Files.writeString(files.get(40), "this is not a snapshot\nat all\n");
        Files.writeString(files.get(60), "0.1\t0.2\n0.3\t0.4\n");
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
