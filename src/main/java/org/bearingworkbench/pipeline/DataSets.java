package org.bearingworkbench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.task.TaskContext;

/** Opens a data set the way every front end does: a directory of snapshots is imported, a file is read as a feature CSV. */
public final class DataSets {
    private DataSets() {
    }

    public static ImportResult open(Path source, TaskContext context) throws InputFormatException {
        if (Files.isDirectory(source)) {
            return new DirectoryImporter().importDirectory(source, context);
        }
        if (!Files.exists(source)) {
            throw new InputFormatException(source + ": no such file or directory");
        }
        if (!Files.isRegularFile(source)) {
            throw new InputFormatException(source + ": not a directory or a regular file (a pipe or device cannot be read)");
        }
        long start = System.nanoTime();
        FeatureCsv.Loaded loaded = FeatureCsv.load(source);
        FeatureTable table = loaded.table();
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            size = 0;
        }
        context.progress(1, 1, "read " + table.rowCount() + " rows");
        return new ImportResult(table, loaded.skippedRows(), table.channels().isEmpty() ? table.featureColumns().size()
                : table.channels().size(), size, (System.nanoTime() - start) / 1e9,
                DataSetDescription.ofFeatureTable("feature-csv", table.channels()), null);
    }
}
