package org.bearingworkbench.monitor;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bearingworkbench.io.AtomicFiles;
import org.bearingworkbench.io.InputFormatException;

/**
 * Everything a stream's scoring carries from one snapshot to the next, so that it can stop at any moment and go on
 * as if it never had: which snapshots are done (a watermark: snapshots are scored in time order), the last
 * persistence-window flags, the current alarm episode, the rows a multi-step model still needs, the recent channel
 * levels the live sensor check compares against, and how long the event log was when this state was written.
 * Saved as JSON, atomically (temp file renamed over the old one).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class StreamState {
    /** How many recent levels per channel the live sensor check keeps (one week of 10-minute snapshots). */
    public static final int LEVEL_WINDOW = 1008;

    static final int FORMAT = 1;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A snapshot read but not yet scored: a model of T time steps scores its first rows once it has T of them. */
    public record PendingRow(String file, String time, double[] inputs, double[] indicators, String sensor) {}

    int format = FORMAT;
    /** What the state was written for: the model, threshold and rule ({@link StreamScorer#identity}). */
    String scoring;

    String snapshotFormat;
    int expectedSamples;
    List<String> indicatorColumns = new ArrayList<>();
    String lastTime;
    String lastFile;
    long scored;
    long leftOut;
    List<String> late = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    boolean inAlarm;
    String episodeStart;
    String firstAlarm;
    String firstAlarmFile;
    String firstAlarmTopChannel;
    long alarmEpisodes;
    List<double[]> recentInputs = new ArrayList<>();
    List<PendingRow> pending = new ArrayList<>();
    Map<String, List<Double>> levels = new LinkedHashMap<>();
    long eventBytes;

    public static StreamState fresh(String scoring) {
        StreamState s = new StreamState();
        s.scoring = scoring;
        return s;
    }

    /** Loads {@code file}, or null when it does not exist. */
    public static StreamState load(Path file) throws InputFormatException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            StreamState s = JSON.readValue(file.toFile(), StreamState.class);
            if (s.format != FORMAT) {
                throw new InputFormatException(file + ": a watch state of format " + s.format + "; this version reads "
                        + FORMAT + " (start a new state file)");
            }
            return s;
        } catch (IOException e) {
            throw new InputFormatException(
                    file + ": not a readable watch state ("
                            + e.getMessage().lines().findFirst().orElse("") + "); move it away to start over",
                    e);
        }
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writePath(file, temp -> JSON.writeValue(temp.toFile(), this));
    }

    public String scoring() {
        return scoring;
    }

    public long scored() {
        return scored;
    }

    public long leftOut() {
        return leftOut;
    }

    public long eventBytes() {
        return eventBytes;
    }

    void eventBytes(long bytes) {
        eventBytes = bytes;
    }

    public boolean inAlarm() {
        return inAlarm;
    }

    /** The first sustained alarm's time (ISO), or null. */
    public String firstAlarm() {
        return firstAlarm;
    }

    public String firstAlarmFile() {
        return firstAlarmFile;
    }

    public String firstAlarmTopChannel() {
        return firstAlarmTopChannel;
    }

    public long alarmEpisodes() {
        return alarmEpisodes;
    }

    /** The last snapshot done (scored or left out), as its time, or null before the first. */
    public String lastTime() {
        return lastTime;
    }

    public List<String> indicatorColumns() {
        return List.copyOf(indicatorColumns);
    }
}
