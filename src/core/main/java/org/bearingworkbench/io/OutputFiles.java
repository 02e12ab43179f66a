package org.bearingworkbench.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks outputs before any work is done, and says what could not be written, where and why: an output that is one
 * of the inputs (also through links) is refused, a folder that does not exist or does not take new files is named,
 * a file system's own reason ("File too large", "No space left on device") is kept.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * Checks that {@code target} can be written as a file and is none of {@code inputs}: its folder exists and takes
     * a new file (tried with an empty probe file, removed at once).
     */
    public static void checkFile(Path target, Collection<Path> inputs) throws IOException {
        refuseInputs(target, inputs);
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + target + ": it is a folder (give a file name)");
        }
        Path dir = existingFolder(target);
        probe(target, dir);
    }

    /** The folder {@code target} goes into, which must exist. */
    public static Path existingFolder(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": " + dir + " is a file, not a folder");
        }
        return dir;
    }

    /** Refuses when {@code output} is (or, for folders, contains or lies inside) one of {@code inputs}. */
    public static void refuseInputs(Path output, Collection<Path> inputs) throws IOException {
        for (Path in : inputs) {
            if (in == null || !Files.exists(in)) {
                continue;
            }
            if (Files.exists(output) && Files.isSameFile(output, in)) {
                throw new IOException("refusing to write " + output + ": it is the input " + in
                        + " (that would replace your data); choose another output");
            }
            Path o = Files.isDirectory(output) ? real(output) : null;
            Path i = real(in);
            if (o != null && i != null && i.startsWith(o)) {
                throw new IOException("refusing to use " + output + " as output folder: the input " + in
                        + " lies inside it; choose another output folder");
            }
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static void probe(Path target, Path dir) throws IOException {
        Path probe = dir.resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".0.tmp");
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
        } catch (IOException e) {
            throw cannotWrite(target, dir, e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // it was never created
            }
        }
    }

    /** One message for a failed write of {@code target} in {@code dir}: what, where and why. */
    public static IOException cannotWrite(Path target, Path dir, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "folder " + dir + " is not writable (permission denied)";
        } else if (e instanceof NoSuchFileException && Files.isDirectory(dir)) {
            why = "folder " + dir + " does not take new files (" + reason(e) + ")";
        } else if (e instanceof NoSuchFileException) {
            why = "folder " + dir + " does not exist";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            why = reason(e);
        } else {
            why = reason(e);
        }
        return new IOException("cannot write " + target + ": " + why, e);
    }

    /** The operating system's reason for a failed file operation, without the file name it repeats. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m;
    }

    /** Creates {@code folder} (and missing parents), with a message that says where and why when it cannot. */
    public static void createFolder(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("cannot use " + folder + " as output folder: it is a file");
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot use " + folder + " as output folder: " + e.getFile() + " is a file", e);
        } catch (IOException e) {
            Path parent = folder.toAbsolutePath().getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            String why = e instanceof AccessDeniedException ? "permission denied" : reason(e);
            throw new IOException(
                    "cannot create output folder " + folder + ": "
                            + (parent == null ? why : parent + " does not take new folders (" + why + ")"),
                    e);
        }
    }
}
