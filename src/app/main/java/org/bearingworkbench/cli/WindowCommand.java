package org.bearingworkbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.LoggerFactory;

/**
 * The window's command line ({@code bearing-workbench [gui ...]}), answered on the terminal before the JavaFX runtime
 * starts: {@code gui --help} prints the window's options, and a Linux or Unix session without a display gets a
 * sentence saying so (the runtime itself fails there with a stack trace); a window that cannot start says why in one
 * line. No JavaFX class is touched here.
 */
public final class WindowCommand {
    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: bearing-workbench [gui [<dir-or-csv>] [--exit-after-load] [--startup-times=FILE]]",
            "Opens the workbench window with a data set: the one given (a directory of recordings, a recording, or a",
            "feature CSV), else the bundled sample data.",
            "      <dir-or-csv>          data set to open",
            "      --exit-after-load     close once the data and its feature table are drawn (smoke tests)",
            "      --startup-times=FILE  append when the window, the data and its table were first drawn (ms since",
            "                              the process started; read by 'bench startup')",
            "  -h, --help                show this help message and exit",
            "Commands instead of the window: bearing-workbench --help",
            "");

    private WindowCommand() {}

    /** {@link #check} for this process, on its standard streams. */
    public static OptionalInt check(List<String> args) {
        return check(
                args,
                System.getenv(),
                System.getProperty("os.name"),
                System.getProperty("glass.platform"),
                System.out,
                System.err);
    }

    /** Says on the terminal that the window could not start (the log file has the trace); returns the exit code. */
    public static int failed(RuntimeException e) {
        return failed(e, System.err);
    }

    static int failed(RuntimeException e, PrintStream err) {
        // the logger only here: a start that opens the window sets logging up later, off the main thread
        LoggerFactory.getLogger(WindowCommand.class).error("cannot open the window", e);
        err.println("bearing-workbench: cannot open the window: " + Errors.describe(e)
                + " (the log file has the details; bearing-workbench --help lists the commands)");
        return 1;
    }

    /**
     * The exit code to end with before the window opens ({@code --help}: 0 after the usage; no display: 2 after the
     * reason), or empty to open it. {@code env}, {@code osName} and {@code glassPlatform} are this process's
     * environment, {@code os.name} and {@code glass.platform} (Monocle renders without a display).
     */
    static OptionalInt check(
            List<String> args,
            Map<String, String> env,
            String osName,
            String glassPlatform,
            PrintStream out,
            PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return OptionalInt.of(0);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        boolean x11 = !os.startsWith("windows") && !os.startsWith("mac");
        String display = env.get("DISPLAY");
        if (x11 && !"monocle".equalsIgnoreCase(glassPlatform) && (display == null || display.isBlank())) {
            err.println("bearing-workbench: the window needs a display, and this session has none (DISPLAY is not set;"
                    + " under Wayland the window draws through XWayland, which sets it).");
            err.println("Run a command instead (bearing-workbench --help lists them), or open the window in a desktop"
                    + " session, over 'ssh -X', or under 'xvfb-run'.");
            return OptionalInt.of(2);
        }
        return OptionalInt.empty();
    }
}
