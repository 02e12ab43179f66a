package org.bearingworkbench.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the window's file dialogs start: the folder of the last file or folder chosen in one, else beside the open
 * data, else the home folder (never the process's working directory, which a launcher sets anywhere).
 */
public final class StartFolders {
    private static volatile Path last;
    private static volatile Supplier<String> dataSource = () -> null;

    private StartFolders() {}

    /** The open data's source (a directory or a file), read when a dialog opens. */
    public static void dataSource(Supplier<String> source) {
        dataSource = source;
    }

    /** Forgets the last choice (tests). */
    static void forget() {
        last = null;
    }

    /** The folder the next dialog starts in. */
    public static File initial() {
        String data = dataSource.get();
        Path beside = data == null ? null : Path.of(data).toAbsolutePath().getParent();
        for (Path p : new Path[] {last, beside, Path.of(System.getProperty("user.home"))}) {
            if (p != null && Files.isDirectory(p)) {
                return p.toFile();
            }
        }
        return null;
    }

    /** Records what a dialog returned (null: cancelled) and returns it: the next dialog starts beside it. */
    public static File chosen(File f) {
        if (f != null && f.getAbsoluteFile().getParentFile() != null) {
            last = f.getAbsoluteFile().getParentFile().toPath();
        }
        return f;
    }
}
