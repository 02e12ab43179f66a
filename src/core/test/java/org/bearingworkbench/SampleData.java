package org.bearingworkbench;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.task.TaskContext;

/** The bundled synthetic sample run, imported once per test JVM. */
public final class SampleData {
    public static final Path DIR = Paths.get("sample-data", "ims-synthetic");
    private static FeatureTable table;

    private SampleData() {}

    public static synchronized FeatureTable table() throws InputFormatException {
        if (table == null) {
            table = new DirectoryImporter()
                    .importDirectory(DIR, TaskContext.silent())
                    .table();
        }
        return table;
    }
}
