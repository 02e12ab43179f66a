package org.bearingworkbench.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads snapshot files (plain or gzip) into a reusable byte buffer and parses them. One instance per thread, so
 * an import holds at most one raw file per worker in memory.
 */
public final class SnapshotReader {
    /** Bytes read from one file when nothing is known about its directory. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    private byte[] buffer = new byte[1 << 20];
    private int length;
    private final SnapshotParser parser = new SnapshotParser();
    private long maxBytes = DEFAULT_MAX_BYTES;
    private String limitReason = "the per-file limit";

    /**
     * Files (or gzip contents) larger than {@code bytes} are rejected before they are read into memory;
     * {@code reason} says where the limit comes from (e.g. "8x the directory's typical file").
     */
    public void limit(long bytes, String reason) {
        this.maxBytes = Math.max(1, Math.min(bytes, Integer.MAX_VALUE - 16));
        this.limitReason = reason;
    }

    /** Reads and parses {@code path}; afterwards {@link #parser()} holds its samples. Returns the bytes read. */
    public long read(Path path) throws InputFormatException {
        return read(path, 0);
    }

    /** Reads and parses {@code path}, skipping {@code headerLines} header lines. Returns the bytes read. */
    public long read(Path path, int headerLines) throws InputFormatException {
        String name = path.getFileName().toString();
        try {
            if (SnapshotName.isGzip(name)) {
                readGzip(path);
            } else {
                readPlain(path);
            }
        } catch (NoSuchFileException e) {
            throw new InputFormatException(name + ": file not found (" + path + ")", e);
        } catch (AccessDeniedException e) {
            throw new InputFormatException(name + ": not readable (permission denied)", e);
        } catch (ZipException e) {
            throw new InputFormatException(name + ": not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (TooLargeException e) {
            throw new InputFormatException(name + ": " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new InputFormatException(name + ": gzip data is truncated", e);
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        parser.parse(buffer, length, name, headerLines);
        return length;
    }

    /** Bytes of the last file read (its uncompressed content). */
    public long lastBytes() {
        return length;
    }

    /**
     * Reads and parses bytes {@code [offset, offset + length)} of a plain text file (a part of a long recording).
     * Returns the bytes read.
     */
    public long readRange(Path path, long offset, long length) throws InputFormatException {
        String name = path.getFileName().toString();
        if (length > maxBytes) {
            throw new InputFormatException(name + ": a snapshot of " + mb(length) + " MB, more than " + limitReason);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ensure((int) length);
            ByteBuffer bb = ByteBuffer.wrap(buffer, 0, (int) length);
            long p = offset;
            int n;
            while (bb.hasRemaining() && (n = ch.read(bb, p)) >= 0) {
                p += n;
            }
            this.length = bb.position();
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        parser.parse(buffer, this.length, name);
        return this.length;
    }

    public SnapshotParser parser() {
        return parser;
    }

    /** Reads one file into a self-contained {@link Snapshot} (for waveform and spectrum views). */
    public static Snapshot readSnapshot(Path path) throws InputFormatException {
        SnapshotReader reader = new SnapshotReader();
        reader.read(path);
        String name = path.getFileName().toString();
        return new Snapshot(
                name, SnapshotName.timestampOf(name).orElse(null), reader.parser.copySamples(), reader.parser.rows());
    }

    private void readPlain(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new TooLargeException(mb(size) + " MB, more than " + limitReason + " (" + mb(maxBytes) + " MB)");
            }
            // room after the file's bytes: the parser reads its rows a word at a time up to the last one
            ensure((int) Math.min(Integer.MAX_VALUE - 16, size + 64));
            ByteBuffer bb = ByteBuffer.wrap(buffer, 0, (int) size);
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // keep reading
            }
            length = bb.position();
        }
    }

    private void readGzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
            length = 0;
            int n;
            while (true) {
                if (length >= maxBytes) {
                    throw new TooLargeException(
                            "its gzip content is more than " + limitReason + " (" + mb(maxBytes) + " MB)");
                }
                if (length == buffer.length) {
                    ensure((int) Math.min(maxBytes + 1, buffer.length * 2L));
                }
                n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        }
    }

    private void ensure(int size) {
        if (buffer.length < size) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(size, buffer.length * 2L)));
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** A file larger than the reader's limit. */
    private static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
