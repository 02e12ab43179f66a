package org.bearingworkbench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.DataSetSidecar;
import org.bearingworkbench.io.DirectoryImporter;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.ImportResult;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.model.ColumnSelection;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a data set the way every front end does: a directory of snapshots is imported, a file is read as a feature
 * CSV.
 */
public final class DataSets {
    private static final Logger LOG = LoggerFactory.getLogger(DataSets.class);
    private static final Pattern WAV_OR_MAT = Pattern.compile("(?i).*\\.(wav|mat)");

    private DataSets() {}

    /**
     * As {@link #open(Path, UserSettings, TaskContext)}, with the bearing defect indicators ({@code chN_bpfo, _bpfi,
     * _bsf, _2bsf, _ftf}) added when {@code source} is a directory of raw snapshots and {@code columns} (names or
     * globs) asks for one, or is null or blank (the default columns, {@link ColumnSelection#defaults}, take them
     * where the data's bearing, speed and sample rate are known). Computed while each file is read, as {@code
     * features --defects} does, so that every command and detector can use them with the data set's description
     * kept.
     */
    public static ImportResult openFor(Path source, UserSettings given, String columns, TaskContext context)
            throws InputFormatException {
        if (!Files.isDirectory(source)) {
            return open(source, given, context);
        }
        if (columns == null || columns.isBlank()) {
            RunPhysics.Imported imported = RunPhysics.importWith(source, given, PhysicsSettings.ims(), context);
            return imported.physics() == null
                    ? imported.data()
                    : imported.data()
                            .withTable(imported.physics().addTo(imported.data().table()));
        }
        boolean wanted = Arrays.stream(columns.split(",")).anyMatch(ColumnSelection::namesDefectIndicator);
        return wanted ? openWithDefects(source, given, context).data() : open(source, given, context);
    }

    /**
     * Opens a directory of raw snapshots with the bearing defect indicators added to its table (computed while each
     * file is read, or after the import when the description lacked something then), and the physics they came from.
     */
    public static RunPhysics.Imported openWithDefects(Path source, UserSettings given, TaskContext context)
            throws InputFormatException {
        RunPhysics.Imported imported = RunPhysics.importWith(source, given, PhysicsSettings.ims(), context);
        ImportResult data = imported.data();
        RunPhysics physics = imported.physics() != null
                ? imported.physics()
                : RunPhysics.compute(data, data.description().physics(PhysicsSettings.ims()), context);
        return new RunPhysics.Imported(data.withTable(physics.addTo(data.table())), physics);
    }

    /** What the user says now ({@code given}) over what was remembered for the directory {@code dir}. */
    public static UserSettings withRemembered(Path dir, UserSettings given) {
        return given.over(DataSetSidecar.load(dir));
    }

    public static ImportResult open(Path source, TaskContext context) throws InputFormatException {
        return open(source, UserSettings.NONE, context);
    }

    /**
     * Opens {@code source} with what the user said about it ({@code given}, over what was remembered for that
     * directory); settings given now are remembered ({@link DataSetSidecar}).
     */
    public static ImportResult open(Path source, UserSettings given, TaskContext context) throws InputFormatException {
        return open(source, given, context, null);
    }

    /**
     * As {@link #open(Path, UserSettings, TaskContext)}, with {@code extra} work on each snapshot's signal while it is
     * read (for a directory; given the data set as described, with the user's settings applied).
     */
    static ImportResult open(
            Path source,
            UserSettings given,
            TaskContext context,
            Function<DataSetDescription, DirectoryImporter.SignalWork> extra)
            throws InputFormatException {
        if (Files.isDirectory(source)) {
            UserSettings settings = withRemembered(source, given);
            SnapshotFormat format = Formats.choose(source, settings);
            ImportResult r = new DirectoryImporter()
                    .importDirectory(
                            source, format, context, extra == null ? null : d -> extra.apply(settings.applyTo(d)));
            if (!given.isEmpty()) {
                String where = DataSetSidecar.save(source, given);
                LOG.info("remembered {} for {} in {}", given, source, where);
            }
            return r.withDescription(settings.applyTo(r.description()));
        }
        if (!Files.exists(source)) {
            throw new InputFormatException(source + ": no such file or directory");
        }
        if ("recording".equals(given.format())) {
            SnapshotFormat format = Formats.require("recording", given.layout(), given.sampleRateHz());
            ImportResult r = new DirectoryImporter().importDirectory(source, format, context);
            return r.withDescription(given.applyTo(r.description()));
        }
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            throw new InputFormatException(source + ": one MATLAB file is one snapshot: open its folder (each .mat "
                    + "file a snapshot), or diagnose the file with 'envelope' (a folder with 'diagnose')");
        }
        if (WAV_OR_MAT.matcher(source.getFileName().toString()).matches()) {
            throw new InputFormatException(source + ": one recording file; open it with --format recording --layout "
                    + "snapshot=1s;every=10s (snapshot length and spacing), or open its folder of snapshot files");
        }
        if (!Files.isRegularFile(source)) {
            throw new InputFormatException(
                    source + ": not a directory or a regular file (a pipe or device cannot be read)");
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
        return new ImportResult(
                table,
                loaded.skippedRows(),
                table.channels().isEmpty()
                        ? table.featureColumns().size()
                        : table.channels().size(),
                size,
                (System.nanoTime() - start) / 1e9,
                given.applyTo(DataSetDescription.ofFeatureTable("feature-csv", table.channels())),
                null);
    }
}
