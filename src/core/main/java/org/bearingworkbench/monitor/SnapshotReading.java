package org.bearingworkbench.monitor;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.features.ChannelStatistics;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.pipeline.RunPhysics;
import org.bearingworkbench.signal.DefectAnalysis;
import org.bearingworkbench.signal.DefectType;
import org.bearingworkbench.signal.PhysicsSettings;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one snapshot of a stream into a {@link SnapshotRow}, computing exactly what a directory import computes for
 * it (the same {@link ChannelStatistics}) and, with physics settings, the same defect indicators as the physics pass
 * ({@link RunPhysics#signal}). Not thread-safe (one reader buffer); use one per thread.
 */
public final class SnapshotReading {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReading.class);
    private final SnapshotFormat format;
    private final PhysicsSettings physics;
    private final DefectAnalysis analysis;
    private final SnapshotReader reader = liveReader();

    /**
     * The most a live snapshot may hold once read (uncompressed): a gzip body of a few MB can expand to gigabytes, and
     * a service or watch must refuse it, not run out of memory (a snapshot of 4 channels x 1 M samples as text is
     * ~40 MB).
     */
    public static final long LIVE_SNAPSHOT_LIMIT = 128L << 20;

    private static SnapshotReader liveReader() {
        SnapshotReader r = new SnapshotReader();
        r.limit(LIVE_SNAPSHOT_LIMIT, "the limit for a live snapshot (128 MB uncompressed)");
        return r;
    }

    /**
     * A stream's reading set up from its first snapshot: the reading, that snapshot's row and what it says of the
     * data.
     */
    public record Opened(SnapshotReading reading, SnapshotRow first, DataSetDescription description) {}

    /**
     * Sets up the reading of a stream from its first snapshot {@code ref}: the data set as the format describes it
     * with what the user said over it, and, when {@code physics} is wanted and the sample rate, bearing and speed are
     * known, the defect indicators (else none, logged once with what is missing).
     */
    public static Opened open(SnapshotFormat format, Path dir, SnapshotRef ref, UserSettings user, boolean physics)
            throws InputFormatException {
        SnapshotReading probe = new SnapshotReading(format, null);
        SignalView first = probe.signal(ref);
        DataSetDescription d = user.applyTo(format.describe(dir, List.of(ref), first));
        PhysicsSettings settings = null;
        if (physics) {
            if (d.missingForPhysics().isEmpty()) {
                settings = d.physics(PhysicsSettings.ims());
            } else {
                LOG.info(
                        "{}: no defect indicators: the {} of the data is unknown",
                        dir,
                        String.join(", ", d.missingForPhysics()));
            }
        }
        SnapshotReading reading = new SnapshotReading(format, settings);
        return new Opened(reading, reading.row(ref.name(), ref.timestamp(), first), d);
    }

    /** @param physics the stream's physics, or null for no defect indicators */
    public SnapshotReading(SnapshotFormat format, PhysicsSettings physics) {
        this.format = format;
        this.physics = physics;
        this.analysis = physics == null ? null : physics.analysis();
    }

    public SnapshotFormat format() {
        return format;
    }

    public boolean hasPhysics() {
        return physics != null;
    }

    /**
     * The events with each alarm's start carrying the diagnosis of its top channel at {@code ref} (in its note, after
     * any other), as {@code watch} and the scoring service's streams report it.
     */
    public List<StreamEvent> withDiagnosis(List<StreamEvent> events, SnapshotRef ref) {
        List<StreamEvent> out = new ArrayList<>(events.size());
        for (StreamEvent e : events) {
            String dx = "";
            if (e.kind() == StreamEvent.Kind.ALARM_START) {
                try {
                    dx = diagnose(ref, e.topChannel());
                } catch (InputFormatException ex) {
                    dx = "no diagnosis: " + ex.getMessage();
                }
            }
            out.add(dx.isEmpty() ? e : e.withNote(e.note().isEmpty() ? dx : e.note() + "; " + dx));
        }
        return out;
    }

    /**
     * The diagnosis of one channel of {@code ref} (the same engine as {@code envelope} and {@code diagnose}), as a
     * sentence for an alarm's event; empty without physics (no sample rate, bearing or speed).
     */
    public String diagnose(SnapshotRef ref, String channel) throws InputFormatException {
        if (physics == null || !channel.matches("ch\\d+")) {
            return "";
        }
        int c = Integer.parseInt(channel.substring(2)) - 1;
        SignalView s = format.read(ref, liveReader());
        if (c >= s.channels()) {
            return "";
        }
        Diagnosis d = Diagnoser.defaults()
                .diagnose(Arrays.copyOf(s.channel(c), s.rows()), s.rows(), physics.sampleRate(), physics.geometry());
        return "diagnosis " + d.sentence(channel);
    }

    /** The signal of {@code ref} (for a description of the stream from its first snapshot). */
    public SignalView signal(SnapshotRef ref) throws InputFormatException {
        return format.read(ref, reader);
    }

    public SnapshotRow read(SnapshotRef ref) throws InputFormatException {
        return row(ref.name(), ref.timestamp(), format.read(ref, reader));
    }

    /** The row of a signal already read. */
    public SnapshotRow row(String file, LocalDateTime time, SignalView s) throws InputFormatException {
        int n = Feature.values().length;
        double[] stats = new double[n];
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> indicators = new LinkedHashMap<>();
        float[] spectrogram = physics == null ? null : new float[physics.spectrogramBins()];
        for (int ch = 0; ch < s.channels(); ch++) {
            ChannelStatistics.compute(s.channel(ch), s.rows(), stats, 0);
            Feature bad = ChannelStatistics.firstNonFinite(stats, 0);
            if (bad != null) {
                throw new InputFormatException(file + ": channel " + (ch + 1) + ": its " + bad.key()
                        + " is beyond the double range; not a usable snapshot");
            }
            for (Feature f : Feature.values()) {
                values.put(f.column(ch + 1), stats[f.ordinal()]);
            }
            if (physics != null) {
                double[] ratios = RunPhysics.signal(s.channel(ch), s.rows(), physics, analysis, spectrogram);
                for (DefectType t : DefectType.values()) {
                    indicators.put(t.column(ch + 1), ratios[t.ordinal()]);
                }
            }
        }
        values.putAll(indicators); // after every channel's features, as an import adds them
        return new SnapshotRow(file, time, s.rows(), values);
    }
}
