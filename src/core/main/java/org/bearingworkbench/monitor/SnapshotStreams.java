package org.bearingworkbench.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;

/**
 * Named streams of raw snapshots scored one at a time, as the scoring service receives them
 * ({@code POST /v1/streams/{id}/snapshots}): each stream has its own {@link StreamScorer} (its persistence window and
 * alarm episode) and reading (its format and physics, from its first snapshot); a snapshot is read from the posted
 * bytes exactly as a file of that name in a directory would be. State is kept in memory and, with a state folder,
 * saved per stream after every snapshot (so a restarted service goes on where it stopped). Streams are independent;
 * one stream's snapshots are taken one at a time, in time order.
 */
public final class SnapshotStreams {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\x00]{1,200}");
    private final ScoringModel model;
    private final UserSettings user;
    private final Path stateDir;
    private final boolean physics;
    private final Map<String, Stream1> streams = new ConcurrentHashMap<>();
    private volatile int maxStreams = DEFAULT_MAX_STREAMS;
    private volatile Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private volatile LongSupplier nanoClock = System::nanoTime;
    private final AtomicLong evicted = new AtomicLong();

    /** Streams kept at once by default: each holds its scorer's state and rows (about 1-2 MB of heap). */
    public static final int DEFAULT_MAX_STREAMS = 128;

    /** A stream that has taken no snapshot for this long is let go (its state saved first when kept on disk). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    /**
     * Streams idle this long are let go: from memory when a snapshot comes for any stream, their state kept in the
     * state folder when there is one (a later snapshot goes on where it stopped), else started afresh.
     */
    public SnapshotStreams idleTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--stream-idle-minutes: more than 0 (got " + timeout + ")");
        }
        idleTimeout = timeout;
        return this;
    }

    /** The clock idle times are measured with, in nanoseconds ({@link System#nanoTime()}; tests: one they move). */
    public SnapshotStreams nanoClock(LongSupplier clock) {
        nanoClock = clock;
        return this;
    }

    /** Streams let go because they were idle, since the start. */
    public long evicted() {
        return evicted.get();
    }

    /** At most this many streams at once; a snapshot for a new stream beyond them is refused. */
    public SnapshotStreams maxStreams(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("--max-streams: at least 1 (got " + max + ")");
        }
        maxStreams = max;
        return this;
    }

    /**
     * A snapshot that was refused: what is wrong with it, and whether it conflicts with the stream (409) or is bad
     * (422).
     */
    public static final class Refused extends Exception {
        /** Why: the snapshot is bad (422), conflicts with the stream (409), or the service has no room (503). */
        public enum Kind {
            INVALID,
            CONFLICT,
            FULL
        }

        private final Kind kind;

        Refused(String message, boolean conflict) {
            this(message, conflict ? Kind.CONFLICT : Kind.INVALID);
        }

        Refused(String message, Kind kind) {
            super(message);
            this.kind = kind;
        }

        public boolean conflict() {
            return kind == Kind.CONFLICT;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** A snapshot taken: its row (features, indicators), its events (none yet for a multi-step model's first rows). */
    public record Taken(String stream, SnapshotRow row, List<StreamEvent> events, StreamScorer scorer) {}

    private static final class Stream1 {
        final StreamScorer scorer;
        SnapshotReading reading;
        SnapshotFormat format;
        volatile long lastUsed;

        Stream1(StreamScorer scorer) {
            this.scorer = scorer;
        }
    }

    /** @param stateDir folder for each stream's state ({@code <id>.json}), or null to keep state in memory only */
    public SnapshotStreams(ScoringModel model, UserSettings user, Path stateDir, boolean physics) {
        this.model = model;
        this.user = user;
        this.stateDir = stateDir;
        this.physics = physics;
    }

    public ScoringModel model() {
        return model;
    }

    public int count() {
        return streams.size();
    }

    public long inAlarm() {
        return streams.values().stream().filter(s -> s.scorer.state().inAlarm()).count();
    }

    /** The stream's scorer (its state), or null when it has seen no snapshot. */
    public StreamScorer stream(String id) throws Refused {
        checkId(id);
        Stream1 s = streams.get(id);
        return s == null ? null : s.scorer;
    }

    /**
     * Scores one raw snapshot of stream {@code id}.
     *
     * @param fileName the snapshot's file name (its time for layouts that name files by time, and its type: .gz,
     * .csv, ...)
     * @param time its time when the name does not say it, else null
     * @param formatId the layout ({@code ims}, {@code femto}, ...), or null for the stream's (from its first snapshot:
     *                 the model's training data's, else recognised from the name and content)
     */
    public Taken take(String id, String fileName, byte[] body, LocalDateTime time, String formatId)
            throws Refused, IOException {
        checkId(id);
        if (fileName == null || !NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
            throw new Refused(
                    "file name: a plain file name of the snapshot, such as 2004.02.12.10.32.39 (got '" + fileName
                            + "')",
                    false);
        }
        evictIdle(id);
        if (!streams.containsKey(id) && streams.size() >= maxStreams) {
            throw new Refused(
                    "too many streams: " + streams.size() + " are open, at most " + maxStreams + " (serve"
                            + " --max-streams), none idle for " + idleTimeout.toMinutes() + " min (serve"
                            + " --stream-idle-minutes); send to an existing stream or try again later",
                    Refused.Kind.FULL);
        }
        Stream1 s = streams.computeIfAbsent(id, this::load);
        synchronized (s) {
            s.lastUsed = nanoClock.getAsLong();
            Path dir = Files.createTempDirectory("bw-snapshot-");
            try {
                Path file = Files.write(dir.resolve(fileName), body);
                SnapshotFormat f = format(s, formatId, dir);
                List<SkippedFile> ignored = new ArrayList<>();
                List<SnapshotRef> refs = f.list(dir, ignored);
                SnapshotRef ref;
                if (!refs.isEmpty()) {
                    ref = refs.get(0);
                    if (time != null) {
                        ref = new SnapshotRef(ref.path(), ref.name(), time, ref.size(), ref.start(), ref.count());
                    }
                } else if (time != null) {
                    ref = new SnapshotRef(file, fileName, time, body.length);
                } else {
                    throw new Refused(
                            fileName + ": not a snapshot name of the " + f.label() + " layout"
                                    + (ignored.isEmpty()
                                            ? ""
                                            : " (" + ignored.get(0).reason() + ")")
                                    + "; name it as the layout does or give its time (?time=2004-02-12T10:32:39)",
                            false);
                }
                if (!s.scorer.isAfterWatermark(ref.timestamp(), ref.name())) {
                    throw new Refused(
                            "stream " + id + " already has a snapshot at or after " + ref.timestamp() + " ("
                                    + s.scorer.state().lastFile + ", "
                                    + s.scorer.state().lastTime() + "): snapshots of a stream are "
                                    + "taken once each, in time order",
                            true);
                }
                SnapshotRow row;
                if (s.reading == null) {
                    SnapshotReading.Opened o = SnapshotReading.open(f, dir, ref, user, physics);
                    s.reading = o.reading();
                    row = o.first();
                } else {
                    row = s.reading.read(ref);
                }
                StreamState st = s.scorer.state();
                if (st.expectedSamples == 0) {
                    st.expectedSamples = row.samples();
                } else if (row.samples() < st.expectedSamples) {
                    throw new Refused(
                            fileName + ": incomplete: " + row.samples() + " samples per channel where stream " + id
                                    + "'s snapshots have " + st.expectedSamples,
                            false);
                }
                List<StreamEvent> events;
                try {
                    events = s.reading.withDiagnosis(s.scorer.accept(row), ref);
                } catch (IllegalArgumentException e) {
                    throw new Refused(e.getMessage(), false);
                }
                if (stateDir != null) {
                    st.save(stateDir.resolve(id + ".json"));
                }
                return new Taken(id, row, events, s.scorer);
            } catch (InputFormatException e) {
                throw new Refused(e.getMessage().replace(dir.toString() + File.separator, ""), false);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private SnapshotFormat format(Stream1 s, String formatId, Path dir) throws Refused {
        if (formatId != null) {
            SnapshotFormat f = Formats.byId(formatId)
                    .orElseThrow(
                            () -> new Refused("format: one of " + Formats.IDS + " (got '" + formatId + "')", false));
            if (s.format != null && !s.format.id().equals(f.id())) {
                throw new Refused("stream's snapshots are " + s.format.id() + ", not " + f.id(), true);
            }
            s.format = s.format == null ? f : s.format;
            s.scorer.state().snapshotFormat = s.format.id();
            return s.format;
        }
        if (s.format == null) {
            var trained = model.bundle().trainedOn();
            String id = trained == null ? null : trained.format().value();
            s.format = id != null && Formats.byId(id).isPresent() ? Formats.require(id) : Formats.detect(dir);
            s.scorer.state().snapshotFormat = s.format.id();
        }
        return s.format;
    }

    /** Lets go of the streams other than {@code keep} that have taken no snapshot for the idle timeout. */
    private void evictIdle(String keep) {
        long now = nanoClock.getAsLong();
        long limit = idleTimeout.toNanos();
        for (var e : streams.entrySet()) {
            Stream1 s = e.getValue();
            if (!e.getKey().equals(keep) && now - s.lastUsed > limit && streams.remove(e.getKey(), s)) {
                evicted.incrementAndGet();
            }
        }
    }

    private Stream1 load(String id) {
        StreamState state = null;
        if (stateDir != null) {
            try {
                state = StreamState.load(stateDir.resolve(id + ".json"));
            } catch (InputFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        Stream1 s = new Stream1(model.scorer(state == null ? model.freshState() : state));
        s.lastUsed = nanoClock.getAsLong();
        if (state != null && state.snapshotFormat != null) {
            s.format = Formats.byId(state.snapshotFormat).orElse(null);
        }
        return s;
    }

    private static void checkId(String id) throws Refused {
        if (id == null || !ID.matcher(id).matches()) {
            throw new Refused("stream id: 1 to 64 letters, digits, '.', '_' or '-' (got '" + id + "')", false);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
