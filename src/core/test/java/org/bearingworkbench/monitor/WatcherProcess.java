package org.bearingworkbench.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Starts {@code watch} in its own JVM (so a test can kill it with SIGKILL), its output in {@code logs/watch-*.log}. */
public final class WatcherProcess {
    private WatcherProcess() {}

    public static Process start(Path logs, Path dir, Path bundle, Path events, Path state, String... extra)
            throws IOException {
        return start(List.of(), logs, dir, bundle, events, state, extra);
    }

    /** As {@link #start(Path, Path, Path, Path, Path, String...)} with {@code jvm} options ({@code -Dbw.crashAt=}). */
    public static Process start(
            List<String> jvm, Path logs, Path dir, Path bundle, Path events, Path state, String... extra)
            throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(jvm);
        cmd.addAll(List.of(
                "-Dbw.cli=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.bearingworkbench.Launcher",
                "watch",
                dir.toString(),
                "--model",
                bundle.toAbsolutePath().toString(),
                "--events",
                events.toString(),
                "--state",
                state.toString(),
                "--settle",
                "0",
                "--poll",
                "0.02",
                "--incomplete-timeout",
                "30"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true)
                .redirectOutput(
                        logs.resolve("watch-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    /** The output of every watcher started with logs in {@code dir}, in start order (for assertion messages). */
    public static String logs(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("watch-"))
                    .sorted()
                    .toList()) {
                b.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        }
        return b.toString();
    }
}
