package org.bearingworkbench.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.OutputFiles;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a directory that a logger writes snapshot files into and scores each snapshot exactly once, in time order,
 * with a {@link StreamScorer}: first every snapshot already there (catch-up, with progress), then each new one.
 *
 * <p>When a file counts as complete: it has not been modified for the settle time ({@link Settings#settle}) and it
 * reads as a whole snapshot (at least as many samples per channel as the stream's snapshots). Until then it and the
 * snapshots after it wait; a file that has stood still for {@link Settings#incompleteTimeout} and still does not read
 * is reported (a SKIPPED event with its reason) and never scored. A file written elsewhere and renamed into place is
 * complete at once.
 *
 * <p>Restart-safe: the {@link StreamState} and the {@link EventLog} move together (events forced to disk, then the
 * state replaced atomically; events past the state's mark are cut off and scored again on restart), so a watcher
 * killed at any moment and restarted writes the same events as one never stopped. One watcher per state file: a
 * second is refused.
 */
public final class DirectoryMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryMonitor.class);

    /**
     * @param settle how long a file must stand still before it is read
     * @param incompleteTimeout how long a file that does not read as a whole snapshot may stand still before it is
     *                          reported and passed over
     * @param poll how often the directory is listed (also when file-system events work: they only wake the watcher
     *             sooner)
     * @param checkpoint how often the state is saved while catching up (always after the last snapshot of a scan)
     * @param physics whether to compute defect indicators (when the stream's sample rate, bearing and speed are known)
     */
    public record Settings(
            Duration settle, Duration incompleteTimeout, Duration poll, Duration checkpoint, boolean physics) {
        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMillis(500), true);
        }

        public Settings {
            if (settle.isNegative() || incompleteTimeout.compareTo(settle) < 0 || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("watch timing: settle >= 0, incomplete timeout >= settle, poll > 0 "
                        + "(got " + settle + ", " + incompleteTimeout + ", " + poll + ")");
            }
        }
    }

    /** Told of the events of each scan, after they are on disk. */
    @FunctionalInterface
    public interface Listener {
        void events(List<StreamEvent> events);

        /** Each snapshot read, before its events (its features and indicators: what a view of the stream shows). */
        default void row(SnapshotRow row) {}
    }

    private final Path dir;
    private final ScoringModel model;
    private final UserSettings user;
    private final Settings settings;
    private final Path stateFile;
    private final Path eventsFile;
    private final Listener listener;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final StreamScorer scorer;
    private final Set<String> known = new HashSet<>();
    private SnapshotFormat format;
    private SnapshotReading reading;
    private volatile DataSetDescription description;
    private EventLog log;
    private boolean firstScan = true;
    private long lastCheckpoint;
    private String waitingFor;
    private Clock clock = Clock.systemUTC();

    /**
     * Takes the state's lock and loads it (or starts a fresh one).
     *
     * @throws IllegalStateException when another watcher holds the state
     */
    public DirectoryMonitor(
            Path dir,
            ScoringModel model,
            UserSettings user,
            Settings settings,
            Path stateFile,
            Path eventsFile,
            Listener listener)
            throws IOException, InputFormatException {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir + ": not a directory");
        }
        this.dir = dir;
        this.model = model;
        this.user = user;
        this.settings = settings;
        this.stateFile = stateFile;
        this.eventsFile = eventsFile;
        this.listener = listener;
        Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
        OutputFiles.existingFolder(stateFile);
        lockChannel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
            lockChannel.close();
            throw new IllegalStateException(
                    "another watcher is using " + stateFile + (holder.isEmpty() ? "" : " (" + holder + ")")
                            + ": stop it first, or give this one its own --state and --events");
        }
        lock = l;
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap(
                ("pid " + ProcessHandle.current().pid() + ", watching " + dir + " since " + Instant.now())
                        .getBytes(StandardCharsets.UTF_8)));
        try {
            StreamState state = StreamState.load(stateFile);
            if (state == null) {
                state = model.freshState();
            }
            scorer = model.scorer(state);
            if (state.snapshotFormat != null) {
                format = Formats.require(state.snapshotFormat, user.layout(), user.sampleRateHz());
            }
            long cut = EventLog.uncommitted(eventsFile, state.eventBytes());
            if (state.eventBytes() > 0) {
                openLog();
                if (cut > 0) {
                    LOG.info(
                            "{}: cut {} bytes of events written after the last saved state; their snapshots are "
                                    + "scored again",
                            eventsFile,
                            cut);
                }
            }
        } catch (IOException | InputFormatException | RuntimeException e) {
            closeFiles();
            throw e;
        }
    }

    public StreamScorer scorer() {
        return scorer;
    }

    public Path eventsFile() {
        return eventsFile;
    }

    /** The format the stream's files are read in, once known. */
    public SnapshotFormat format() {
        return format;
    }

    /** The data set as its first snapshot read describes it (with the user's settings), or null before. */
    public DataSetDescription description() {
        return description;
    }

    /** What the watcher waits for (a file not yet complete), or null. */
    public String waitingFor() {
        return waitingFor;
    }

    /**
     * One pass: lists the directory and scores, in time order, every snapshot not yet done that is complete,
     * stopping at the first that is not.
     *
     * @return the events written
     */
    public List<StreamEvent> scan(TaskContext context) throws IOException, InputFormatException {
        SnapshotFormat f = format != null ? format : chooseFormat();
        if (f == null) {
            return List.of();
        }
        List<SnapshotRef> refs = f.list(dir, new ArrayList<>());
        List<SnapshotRef> todo = new ArrayList<>();
        List<StreamEvent> events = new ArrayList<>();
        for (SnapshotRef r : refs) {
            boolean isNew = known.add(r.name());
            if (!scorer.isDone(r.timestamp(), r.name())) {
                todo.add(r);
            } else if (isNew
                    && !firstScan
                    && !scorer.isAfterWatermark(r.timestamp(), r.name())
                    && !scorer.state().late.contains(r.name())) {
                events.add(scorer.late(r.timestamp(), r.name()));
            }
        }
        firstScan = false;
        commit(events, true);
        List<StreamEvent> all = new ArrayList<>(events);
        waitingFor = null;
        for (int i = 0; i < todo.size(); i++) {
            context.checkCancelled();
            SnapshotRef r = todo.get(i);
            List<StreamEvent> e = process(f, r);
            if (e == null) {
                break;
            }
            all.addAll(e);
            commit(e, i == todo.size() - 1);
            context.progress(i + 1, todo.size(), (i + 1) + "/" + todo.size() + " new snapshots scored");
        }
        checkpoint();
        return all;
    }

    /** Scans until {@code stop} says so, woken by file-system events when they work, else every poll interval. */
    public void run(BooleanSupplier stop, TaskContext context) throws IOException, InputFormatException {
        WatchService watch = null;
        try {
            watch = dir.getFileSystem().newWatchService();
            dir.register(
                    watch,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            LOG.info(
                    "watching {} with file-system events, and listing it every {} ms as a fallback",
                    dir,
                    settings.poll().toMillis());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info(
                    "watching {} by listing it every {} ms (file-system events unavailable: {})",
                    dir,
                    settings.poll().toMillis(),
                    e.getMessage());
            if (watch != null) {
                watch.close();
            }
            watch = null;
        }
        try {
            while (!stop.getAsBoolean()) {
                List<StreamEvent> e = scan(context);
                if (!e.isEmpty() || stop.getAsBoolean()) {
                    continue;
                }
                waitForChange(watch);
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private void waitForChange(WatchService watch) throws IOException {
        try {
            if (watch == null) {
                Thread.sleep(settings.poll().toMillis());
                return;
            }
            var key = watch.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while watching " + dir, e);
        } catch (ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The clock a file's stillness is measured with (how long since it was last modified: the settle time and the
     * incomplete-file timeout); the system's by default, a test's to move time on without waiting.
     */
    public DirectoryMonitor clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** The events of one snapshot, or null when it is not complete yet (and it and later ones wait). */
    private List<StreamEvent> process(SnapshotFormat f, SnapshotRef r) throws IOException {
        Duration still;
        try {
            still = Duration.between(Files.getLastModifiedTime(r.path()).toInstant(), clock.instant());
        } catch (IOException e) {
            return List.of(
                    scorer.skip(r.timestamp(), r.name(), "vanished before it could be read (" + e.getMessage() + ")"));
        }
        if (still.compareTo(settings.settle()) < 0) {
            waitingFor = r.name() + " (modified " + still.toMillis() + " ms ago)";
            return null;
        }
        String why;
        try {
            SnapshotRow row = read(f, r);
            StreamState s = scorer.state();
            if (s.expectedSamples == 0) {
                s.expectedSamples = row.samples();
            }
            if (row.samples() >= s.expectedSamples) {
                List<StreamEvent> events = reading.withDiagnosis(scorer.accept(row), r);
                listener.row(row);
                return events;
            }
            why = "incomplete: " + row.samples() + " samples per channel where the stream's snapshots have "
                    + s.expectedSamples;
        } catch (InputFormatException e) {
            why = e.getMessage().startsWith(r.name())
                    ? e.getMessage().substring(r.name().length()).replaceFirst("^[:,] ", "")
                    : e.getMessage();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (still.compareTo(settings.incompleteTimeout()) < 0) {
            waitingFor = r.name() + " (" + why + ")";
            return null;
        }
        LOG.warn("{}: not scored: {}", r.path(), why);
        return List.of(scorer.skip(
                r.timestamp(),
                r.name(),
                "never completed within " + settings.incompleteTimeout().toSeconds() + " s: " + why));
    }

    private SnapshotRow read(SnapshotFormat f, SnapshotRef r) throws InputFormatException, IOException {
        if (reading == null) {
            SnapshotReading.Opened o = SnapshotReading.open(f, dir, r, user, settings.physics());
            reading = o.reading();
            description = o.description();
            var samples = o.description().samplesPerSnapshot();
            if (samples.known()
                    && scorer.state().expectedSamples == 0
                    && samples.value() > o.first().samples()) {
                scorer.state().expectedSamples = samples.value();
            }
            return o.first();
        }
        return reading.read(r);
    }

    private SnapshotFormat chooseFormat() throws InputFormatException {
        if (user.format() != null) {
            format = Formats.choose(dir, user);
        } else {
            List<SkippedFile> ignored = new ArrayList<>();
            SnapshotFormat detected = Formats.detect(dir);
            if (detected.list(dir, ignored).isEmpty()) {
                return null;
            }
            format = detected;
        }
        scorer.state().snapshotFormat = format.id();
        LOG.info("{}: reading {} snapshots", dir, format.label());
        return format;
    }

    private void openLog() throws IOException {
        log = EventLog.open(
                eventsFile,
                StreamEvent.header(
                        model.bundle().model().columns(), scorer.state().indicatorColumns()),
                scorer.state().eventBytes());
    }

    /** Writes events (forced), then the state when due; then tells the listener. */
    private void commit(List<StreamEvent> events, boolean saveNow) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        if (log == null) {
            openLog();
        }
        int errors = model.bundle().model().columns().size();
        int indicators = scorer.state().indicatorColumns().size();
        log.append(events.stream().map(e -> e.csv(errors, indicators)).toList());
        scorer.state().eventBytes(log.size());
        if (saveNow
                || System.nanoTime() - lastCheckpoint > settings.checkpoint().toNanos()) {
            checkpoint();
        }
        listener.events(events);
    }

    private void checkpoint() throws IOException {
        if (log != null) {
            scorer.state().save(stateFile);
            lastCheckpoint = System.nanoTime();
        }
    }

    /** Saves the state (what is on disk so far) and releases the state's lock. */
    @Override
    public void close() throws IOException {
        try {
            if (log != null && scorer != null) {
                checkpoint();
            }
        } finally {
            closeFiles();
        }
    }

    private void closeFiles() throws IOException {
        try {
            if (log != null) {
                log.close();
            }
        } finally {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }
}
