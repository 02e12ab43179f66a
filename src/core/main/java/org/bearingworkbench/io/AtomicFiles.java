package org.bearingworkbench.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files atomically: into a temp file beside the target, then renamed over it, so no half-written file is left.
 * Temp files are named {@code .<target>.<pid>.<random>.tmp}; a process killed mid-write leaves one behind, and the
 * next write of the same target removes those whose process is gone. Every failure says which file could not be
 * written, where and why.
 */
public final class AtomicFiles {
    private static final Pattern OLD_STYLE_TEMP = Pattern.compile("\\d+\\.tmp");
    private static final Pattern TEMP = Pattern.compile("(\\d+)\\.\\d+\\.tmp");

    private AtomicFiles() {}

    /** Writes text content. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes binary content to a temp path that then replaces the target. */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path temp) throws IOException;
    }

    public static void write(Path target, TextContent content) throws IOException {
        writePath(target, temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    public static void writePath(Path target, PathContent content) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + target + ": it is a folder (give a file name)");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(abs)
                && !(Files.isSymbolicLink(abs) && Files.isRegularFile(abs))) {
            // a device, FIFO or socket: the rename would replace the node itself with a regular file
            throw new IOException("cannot write " + target + ": it is not a regular file (a device, pipe or socket);"
                    + " outputs go to regular files only: give a file name");
        }
        Path dir = OutputFiles.existingFolder(target);
        cleanStaleTemps(dir, abs.getFileName().toString());
        Path temp = dir.resolve("." + abs.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Long.toUnsignedString(System.nanoTime()) + ".tmp");
        try {
            try {
                Files.createFile(temp);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(target, dir, e);
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            try {
                content.writeTo(temp);
                CrashPoints.reach("atomic.temp");
                // on the device before the rename: a crash then leaves the old file or the whole new one
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                CrashPoints.reach("atomic.fsync");
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                CrashPoints.reach("atomic.rename");
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(target, dir, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Removes temp files of {@code name} that a killed writer left in {@code dir}: ours when their process is no
     * longer running, and those of earlier versions ({@code .<name><digits>.tmp}) older than an hour.
     */
    static void cleanStaleTemps(Path dir, String name) {
        String prefix = "." + name;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (!f.startsWith(prefix) || !f.endsWith(".tmp")) {
                    continue;
                }
                String rest = f.substring(prefix.length());
                Matcher ours = TEMP.matcher(rest.startsWith(".") ? rest.substring(1) : "");
                boolean stale;
                if (ours.matches()) {
                    stale = !isRunning(Long.parseLong(ours.group(1)));
                } else {
                    stale = OLD_STYLE_TEMP.matcher(rest).matches()
                            && Files.getLastModifiedTime(p)
                                            .compareTo(
                                                    FileTime.from(Instant.now().minusSeconds(3600)))
                                    < 0;
                }
                if (stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is best effort; the write itself reports real problems
        }
    }

    static boolean isRunning(long pid) {
        return pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
