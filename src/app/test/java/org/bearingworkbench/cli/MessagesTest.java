package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a message that says what is wrong and where, not a misleading one. */
class MessagesTest {
    private static final String BUNDLE = "src/core/test/resources/bundles/v1-sample.bwm";

    @TempDir
    Path dir;

    @Test
    void aBindAddressThatIsNotThisMachinesIsNamedNotAPortInUse() {
        String[] r = CliRunner.run("serve", "--model", BUNDLE, "--bind", "999.1.1.1", "--port", "18099");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("--bind 999.1.1.1: not an address"), r[2]);
        assertTrue(!r[2].contains("Port already in use"), r[2]);
    }

    @Test
    void aSymbolicLinkLoopIsNamedAsOne() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        String[] r = CliRunner.run(
                "features", a.toString(), "-o", dir.resolve("f.csv").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains(a + ": a symbolic link that leads nowhere"), r[2]);
    }

    @Test
    void aNameTheSystemCannotRepresentIsSaidWithWhatToDo() {
        // a NUL stands in for a name the locale cannot encode (both are InvalidPathException)
        String[] r = CliRunner.run(
                "features", "bad\u0000name", "-o", dir.resolve("f.csv").toString());
        assertTrue(!"0".equals(r[0]));
        assertTrue(r[2].contains("cannot be a path here") && r[2].contains("UTF-8 locale"), r[2]);
    }

    @Test
    void servingBeyondThisMachineNeedsATokenOrInsecure() {
        String[] r = CliRunner.run(
                "serve", "--model", BUNDLE, "--bind", "0.0.0.0", "--port", "18099", "--token-env", "BW_NO_SUCH_VAR");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("serves beyond this machine, and BW_NO_SUCH_VAR holds no token"), r[2]);
        assertTrue(r[2].contains("--insecure"), r[2]);
    }
}
