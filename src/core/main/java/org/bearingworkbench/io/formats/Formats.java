package org.bearingworkbench.io.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bearingworkbench.dataset.UserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The layouts the workbench reads, and which one a directory is in (the most confident; {@code --format} forces). */
public final class Formats {
    private static final Logger LOG = LoggerFactory.getLogger(Formats.class);
    private static final List<SnapshotFormat> ALL = List.of(
            new ImsFormat(),
            new FemtoFormat(),
            new XjtuFormat(),
            new WavFormat(DelimitedLayout.DEFAULT),
            new MatFormat(null));
    /** Every id {@code --format} takes. */
    public static final List<String> IDS = List.of("ims", "femto", "xjtu-sy", "delimited", "wav", "mat", "recording");

    private static final double MIN_CONFIDENCE = 0.3;

    private Formats() {}

    public static List<SnapshotFormat> all() {
        return ALL;
    }

    public static Optional<SnapshotFormat> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.id().equals(key)).findFirst();
    }

    /** The format with id {@code id}, or an error listing the known ones. */
    public static SnapshotFormat require(String id) {
        return require(id, null, null);
    }

    /**
     * The format with id {@code id} configured by the user's {@code layout} (delimited, WAV, MAT and recording
     * options) and sample rate (for text recordings), or an error listing the known ids.
     */
    public static SnapshotFormat require(String id, String layout, Double sampleRate) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "delimited" -> new DelimitedFormat(DelimitedLayout.parse(layout));
            case "wav" -> new WavFormat(DelimitedLayout.parse(layout));
            case "mat" -> new MatFormat(layout);
            case "recording" -> new RecordingFormat(layout, sampleRate);
            default ->
                byId(key)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "--format: '" + id + "' is not a known format (" + String.join(", ", IDS) + ")"));
        };
    }

    /**
     * The layout {@code dir} is most likely in; IMS when none is recognised (its import then names what it
     * expected and lists what it found).
     */
    public static SnapshotFormat detect(Path dir) {
        SnapshotFormat best = ALL.get(0);
        double bestConfidence = -1;
        for (SnapshotFormat f : ALL) {
            double c = f.recognise(dir);
            if (c > bestConfidence) {
                best = f;
                bestConfidence = c;
            }
        }
        return bestConfidence < MIN_CONFIDENCE ? ALL.get(0) : best;
    }

    /** The format with the best confidence already measured ({@link SnapshotFormat#recognise}), as {@link #detect}. */
    public static SnapshotFormat best(String id, double confidence) {
        return confidence < MIN_CONFIDENCE ? ALL.get(0) : byId(id).orElse(ALL.get(0));
    }

    /** The format the user chose in {@code settings} (configured by its layout), else the detected one. */
    public static SnapshotFormat choose(Path source, UserSettings settings) {
        if (settings.format() != null) {
            return require(settings.format(), settings.layout(), settings.sampleRateHz());
        }
        SnapshotFormat detected = detect(source);
        if (settings.layout() == null) {
            return detected;
        }
        if (LAYOUTS.contains(detected.id())) {
            return require(detected.id(), settings.layout(), settings.sampleRateHz());
        }
        LOG.warn(
                "--layout {} is ignored: {} was detected as {}, whose layout is fixed (give --format to read it "
                        + "another way)",
                settings.layout(),
                source,
                detected.label());
        return detected;
    }

    /** The formats a {@code --layout} configures. */
    static final List<String> LAYOUTS = List.of("delimited", "wav", "mat", "recording");
}
