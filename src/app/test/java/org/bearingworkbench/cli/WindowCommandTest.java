package org.bearingworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WindowCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private OptionalInt check(List<String> args, Map<String, String> env, String os, String glass) {
        return WindowCommand.check(
                args,
                env,
                os,
                glass,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheWindowsOptionsWithoutADisplay() {
        assertEquals(OptionalInt.of(0), check(List.of("--help"), Map.of(), "Linux", null));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("--exit-after-load") && usage.contains("--startup-times=FILE"), usage);
        assertEquals(OptionalInt.of(0), check(List.of("/data/run", "-h"), Map.of(), "Linux", null));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLinuxSessionWithoutADisplayIsToldSoAndWhatToDo() {
        assertEquals(OptionalInt.of(2), check(List.of(), Map.of(), "Linux", null));
        assertEquals(OptionalInt.of(2), check(List.of("/data/run"), Map.of("DISPLAY", " "), "FreeBSD", null));
        assertEquals(OptionalInt.of(2), check(List.of(), Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("needs a display") && said.contains("xvfb-run") && said.contains("--help"), said);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void opensWhereThereIsADisplayOrNoneIsNeeded() {
        assertEquals(OptionalInt.empty(), check(List.of(), Map.of("DISPLAY", ":0"), "Linux", null));
        assertEquals(OptionalInt.empty(), check(List.of("/data/run"), Map.of(), "Linux", "Monocle"));
        assertEquals(OptionalInt.empty(), check(List.of(), Map.of(), "Windows 11", null));
        assertEquals(OptionalInt.empty(), check(List.of(), Map.of(), "Mac OS X", null));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWindowThatCannotStartIsOneLineOnTheTerminal() {
        int code = WindowCommand.failed(
                new UnsupportedOperationException("Unable to open DISPLAY"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals(
                "bearing-workbench: cannot open the window: Unable to open DISPLAY (the log file has the details;"
                        + " bearing-workbench --help lists the commands)"
                        + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }
}
