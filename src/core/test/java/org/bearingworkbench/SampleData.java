package org.bearingworkbench;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.task.TaskContext;

/** The bundled synthetic sample run, imported once per test JVM. */
public final class SampleData {
    public static final Path DIR = root().resolve(Paths.get("sample-data", "ims-synthetic"));
    private static FeatureTable table;

    private SampleData() {}

    /**
     * The checkout's root, relative as tests run there (surefire's working directory); {@code -Dbw.root} names it for
     * a runner that starts elsewhere (PIT starts its minions in the module's folder).
     */
    public static Path root() {
        return Path.of(System.getProperty("bw.root", ""));
    }

    public static synchronized FeatureTable table() throws InputFormatException {
        if (table == null) {
            table = new DirectoryImporter()
                    .importDirectory(DIR, TaskContext.silent())
                    .table();
        }
        return table;
    }
}
