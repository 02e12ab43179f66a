package org.bearingworkbench.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.io.CrashPoints;
import org.bearingworkbench.io.OutputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream's event log: a CSV file that events are appended to and forced to disk before the stream's state moves
 * on. The state records how long the log was when it was written; on a restart anything after that (events of
 * snapshots whose state was never saved, or half a line from a kill) is cut off and those snapshots are scored again,
 * so every snapshot has exactly one line however often the watcher is killed.
 */
public final class EventLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private final Path file;
    private final FileChannel channel;

    private EventLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file} for a stream whose state says the log holds {@code committedBytes} (0 for a new stream):
     * creates it with {@code header}, or cuts it back to {@code committedBytes}.
     *
     * @return the log, positioned at its end
     */
    public static EventLog open(Path file, String header, long committedBytes) throws IOException {
        OutputFiles.existingFolder(file);
        boolean exists = Files.exists(file);
        long size = exists ? Files.size(file) : 0;
        if (committedBytes == 0 && size > 0 && onlyHeader(file, header)) {
            // this watch was killed after writing the header and before its first state: nothing was lost
            size = 0;
            Files.delete(file);
        } else if (committedBytes == 0 && size > 0 && header.equals(firstLine(file))) {
            // this stream's columns but no state that records them (a watch killed before its first state, or a
            // state removed): kept aside, never cut, and every snapshot is scored again into a fresh log
            Path aside = file.resolveSibling(file.getFileName() + ".uncommitted-" + System.currentTimeMillis());
            Files.move(file, aside);
            LOG.warn(
                    "{}: {} bytes of events that no watch state records (a watch killed before its first state?)"
                            + " moved to {}; every snapshot is scored again",
                    file,
                    size,
                    aside.getFileName());
            size = 0;
        }
        if (committedBytes == 0 && size > 0) {
            throw new IOException(
                    file + ": holds " + size + " bytes of events but the watch state has none (it belongs "
                            + "to another watch, or the state was removed): give a new --events file or "
                            + "move this one away");
        }
        if (size < committedBytes) {
            throw new IOException(
                    file + ": " + size + " bytes, shorter than the " + committedBytes + " the watch state "
                            + "says were written (was it edited or replaced?): restore it, or start over "
                            + "with a new --state and --events");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (size > committedBytes) {
                ch.truncate(committedBytes);
            }
            EventLog log = new EventLog(file, ch);
            if (committedBytes == 0) {
                log.append(List.of(header));
            } else {
                String first =
                        Files.newBufferedReader(file, StandardCharsets.UTF_8).readLine();
                if (!header.equals(first)) {
                    throw new IOException(
                            file + ": its columns (" + first + ") are not this stream's (" + header + ")");
                }
            }
            ch.position(ch.size());
            return log;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * What to say when events cannot be written: the file, the system's reason and, for a full disk, what to do
     * (nothing is lost: the state still records the last events on the device, and a restarted watch goes on there).
     */
    static IOException cannotAppend(Path file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean full = why.contains("No space left") || why.contains("Disk quota exceeded");
        return new IOException(
                file + ": cannot append events: " + why
                        + (full
                                ? " (the disk is full: free space on it, then start watch again; it goes on after"
                                        + " the last event it recorded)"
                                : ""),
                e);
    }

    private static String firstLine(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.readLine();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean onlyHeader(Path file, String header) throws IOException {
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        return Files.size(file) <= expected.length && Arrays.equals(Files.readAllBytes(file), expected);
    }

    /** Bytes cut off when the log was opened: see {@link #open}. */
    public static long uncommitted(Path file, long committedBytes) throws IOException {
        return Files.exists(file) ? Math.max(0, Files.size(file) - committedBytes) : 0;
    }

    /** Appends lines and forces them to the device. */
    public void append(List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        CrashPoints.reach("events.append");
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            CrashPoints.reach("events.written");
            channel.force(false);
        } catch (IOException e) {
            throw cannotAppend(file, e);
        }
    }

    /** Bytes written so far (what a state saved now should record). */
    public long size() throws IOException {
        return channel.size();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
