package org.bearingworkbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench startup} and {@code bench e2e}: what a user waits for in a fresh JVM, measured by starting this same
 * program as child processes (same java, same class path): the first import ({@code features --json}'s
 * {@code seconds}, and the process's wall time), with and without a class-data-sharing archive made by a first run;
 * the window drawn and the sample data drawn ({@code gui --exit-after-load --startup-times=FILE}; needs a display);
 * and {@code run} end to end.
 */
final class StartupBench {
    private static final Pattern SECONDS = Pattern.compile("\"seconds\":([0-9.]+)");
    private final Path dir;
    private final int runs;
    private final Path image;

    /** With {@code image} (an installed or built app image), through its two launchers instead of this JVM's. */
    StartupBench(Path dir, int runs, Path image) {
        this.dir = dir;
        this.runs = Math.max(1, runs);
        this.image = image;
    }

    /** The command line's command: this program in a fresh JVM, or the app image's command-line launcher. */
    private List<String> cli(String... args) {
        return with(
                image == null
                        ? java()
                        : List.of(image.resolve("bin/bearing-workbench").toString()),
                args);
    }

    /** The window: this program (software rendering) or the app image's window launcher. */
    private List<String> gui(String... args) {
        List<String> cmd = image == null
                ? java("-Dprism.order=sw")
                : List.of(image.resolve("bin/BearingWorkbench").toString());
        return with(with(cmd, "gui"), args);
    }

    private static List<String> java(String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.bearingworkbench.Launcher");
        return cmd;
    }

    /** Runs a child; returns {wall seconds, its stdout}. */
    private static Object[] child(List<String> cmd, Path log) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException(
                    "exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
        return new Object[] {(System.nanoTime() - t0) / 1e9, out};
    }

    int startup() throws Exception {
        Path tmp = Files.createTempDirectory("bw-bench-startup");
        String[] features = {
            "features", dir.toString(), "-o", tmp.resolve("features.csv").toString(), "--json"
        };
        System.out.printf(Locale.ROOT, "first import in a fresh JVM: features %s --json (%d runs each)%n", dir, runs);
        if (image != null) {
            System.out.printf(Locale.ROOT, "through the launchers of %s (%s)%n", image, startArchive(image));
            importRuns("app image", cli(features), tmp);
        } else {
            Path jsa = tmp.resolve("app.jsa");
            child(with(java("-XX:ArchiveClassesAtExit=" + jsa), features), tmp.resolve("cds.log"));
            importRuns("plain", cli(features), tmp);
            importRuns("with a CDS archive", with(java("-XX:SharedArchiveFile=" + jsa), features), tmp);
        }
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.out.println("window: no display (run under xvfb-run for the window figures)");
            return 0;
        }
        System.out.println("window with the sample data: gui --exit-after-load (ms since the process started)");
        for (int r = 1; r <= runs; r++) {
            Path times = tmp.resolve("times-" + r + ".txt");
            child(gui("--exit-after-load", "--startup-times=" + times), tmp.resolve("gui.log"));
            List<String> lines = Files.readAllLines(times);
            System.out.printf(
                    Locale.ROOT,
                    "  run %d: %s%n",
                    r,
                    String.join(
                            ", ",
                            lines.stream()
                                    .map(l -> l.split(" ")[0] + " drawn at " + l.split(" ")[1] + " ms")
                                    .toList()));
        }
        return 0;
    }

    /** What an app image starts with: its ahead-of-time caches (JDK 25), its class-data-sharing archive, or none. */
    static String startArchive(Path image) {
        Path app = image.resolve("lib/app");
        if (Files.exists(app.resolve("app.aot"))) {
            return "ahead-of-time caches lib/app/app.aot, cli.aot";
        }
        if (Files.exists(app.resolve("app.jsa"))) {
            return "class-data-sharing archive lib/app/app.jsa";
        }
        return "no archive of the application's classes";
    }

    private void importRuns(String label, List<String> cmd, Path tmp) throws IOException, InterruptedException {
        for (int r = 1; r <= runs; r++) {
            Object[] res = child(cmd, tmp.resolve("run.log"));
            Matcher m = SECONDS.matcher((String) res[1]);
            System.out.printf(
                    Locale.ROOT,
                    "  %-26s run %d: import %s s, process wall %.2f s%n",
                    label,
                    r,
                    m.find() ? m.group(1) : "?",
                    (double) res[0]);
        }
    }

    int endToEnd() throws Exception {
        Path tmp = Files.createTempDirectory("bw-bench-e2e");
        System.out.printf(
                Locale.ROOT, "run %s -o <new folder> in a fresh JVM (import, 100 epochs, thresholds, report)%n", dir);
        for (int r = 1; r <= runs; r++) {
            Object[] res = child(
                    cli("run", dir.toString(), "-o", tmp.resolve("out-" + r).toString()), tmp.resolve("run.log"));
            System.out.printf(Locale.ROOT, "  run %d: %.2f s wall%n", r, (double) res[0]);
        }
        return 0;
    }

    private static List<String> with(List<String> cmd, String... args) {
        List<String> all = new ArrayList<>(cmd);
        all.addAll(List.of(args));
        return all;
    }
}
