package org.bearingworkbench.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files atomically: into a temp file beside the target, then renamed over it, so no half-written file is left. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

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
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": folder " + dir + " is not writable", e);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist", e);
        }
        try {
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            content.writeTo(temp);
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": permission denied", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
