package org.bearingworkbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The project's read-only reference material in {@code ../shared}: tests that need it call these methods, which skip
 * the test (JUnit assumption) where it is absent, as on a user's machine. The raw IMS test 2 is unpacked once into
 * {@code target/}. {@code -Dbw.sharedData=absent} hides it (CI runs the suite once that way, as a user's machine);
 * {@code -Dbw.sharedData=<dir>} points elsewhere.
 */
public final class SharedData {
    private static final String SETTING = System.getProperty("bw.sharedData", "");
    private static final boolean HIDDEN = SETTING.equals("absent");
    private static final Path ROOT = (SETTING.isEmpty() || HIDDEN
                    ? Paths.get("..", "shared", "data")
                    : Paths.get(SETTING))
            .toAbsolutePath()
            .normalize();
    private static final Path UNPACKED = Paths.get("target", "ims-test2").toAbsolutePath();

    private SharedData() {}

    public static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        assumeTrue(!HIDDEN, "reference data hidden (-Dbw.sharedData=absent)");
        assumeTrue(Files.isReadable(p), "reference data absent: " + p);
        return p;
    }

    /** True where the reference data can be read (tests that only add checks with it use this instead of skipping). */
    public static boolean present() {
        return !HIDDEN && Files.isDirectory(ROOT);
    }

    /** The directory of the real IMS test 2's 984 raw files, unpacked on first use. */
    public static synchronized Path imsTest2() throws IOException, InterruptedException {
        Path archive = file("ims-test2/2nd_test.tar.xz");
        Path dir = UNPACKED.resolve("2nd_test");
        Path done = UNPACKED.resolve(".unpacked");
        if (!Files.exists(done)) {
            Files.createDirectories(UNPACKED);
            Process p = new ProcessBuilder("tar", "xJf", archive.toString(), "-C", UNPACKED.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("could not unpack " + archive + ": " + out);
            }
            Files.createFile(done);
        }
        return dir;
    }

    /** The directory of the real PRONOSTIA / FEMTO Bearing3_1 (515 vibration files), unpacked on first use. */
    public static Path femtoBearing31() throws IOException, InterruptedException {
        return femto("Bearing3_1");
    }

    /** The directory of a PRONOSTIA / FEMTO learning bearing ({@code Bearing1_1} ...), unpacked on first use. */
    public static synchronized Path femto(String bearing) throws IOException, InterruptedException {
        Path archive = file("femto/" + bearing + ".tar.xz");
        Path into = Paths.get("target", "femto").toAbsolutePath();
        Path done = into.resolve("." + bearing + ".unpacked");
        if (!Files.exists(done)) {
            Files.createDirectories(into);
            Process p = new ProcessBuilder("tar", "xJf", archive.toString(), "-C", into.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("could not unpack " + archive + ": " + out);
            }
            Files.createFile(done);
        }
        return into.resolve(bearing);
    }
}
