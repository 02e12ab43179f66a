package org.bearingworkbench.fleet;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The fleet's files through Hadoop's file systems, so the root and the output may be local, HDFS or S3A alike. The
 * core's readers work on local files: a machine on a remote file system is copied to a task-local directory first
 * (one machine at a time, deleted afterwards); a local one is read in place.
 */
final class FleetStorage {
    private FleetStorage() {}

    /** A machine's directory on the task's local disk; closing removes it if it was a copy. */
    interface LocalDirectory extends AutoCloseable {
        File dir();

        @Override
        void close() throws IOException;
    }

    static FileSystem fs(String path) throws IOException {
        return new Path(path).getFileSystem(new Configuration());
    }

    /** The machine directories under {@code root}, by name; hidden ones ({@code .x}, {@code _x}) are not machines. */
    static List<FileStatus> machineDirectories(String root) throws IOException {
        Path r = new Path(root);
        FileSystem fs = fs(root);
        if (!fs.exists(r)) {
            throw new IOException("fleet root not found: " + root);
        }
        if (!fs.getFileStatus(r).isDirectory()) {
            throw new IOException("fleet root is not a directory: " + root + " (give the directory that holds one "
                    + "directory per machine)");
        }
        return Arrays.stream(fs.listStatus(r))
                .filter(FileStatus::isDirectory)
                .filter(s -> !s.getPath().getName().startsWith(".")
                        && !s.getPath().getName().startsWith("_"))
                .sorted(Comparator.comparing(s -> s.getPath().getName()))
                .toList();
    }

    static byte[] readBytes(String path) throws IOException {
        try (InputStream in = fs(path).open(new Path(path))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static List<String> readLines(String path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8).lines().toList();
    }

    static boolean exists(String path) throws IOException {
        return fs(path).exists(new Path(path));
    }

    static void delete(String path) throws IOException {
        fs(path).delete(new Path(path), true);
    }

    /** Writes {@code text} to {@code path} (any file system), replacing it. */
    static void writeText(String path, String text) throws IOException {
        writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(String path, byte[] bytes) throws IOException {
        try (OutputStream out = fs(path).create(new Path(path), true)) {
            out.write(bytes);
        }
    }

    /** The machine's directory as a local one: itself on {@code file:}, else a copy of its files. */
    static LocalDirectory localize(String dir) throws IOException {
        Path p = new Path(dir);
        FileSystem fs = fs(dir);
        if ("file".equals(fs.getUri().getScheme())) {
            File local = new File(fs.makeQualified(p).toUri());
            return new LocalDirectory() {
                @Override
                public File dir() {
                    return local;
                }

                @Override
                public void close() {}
            };
        }
        File copy = Files.createTempDirectory("bw-machine-").toFile();
        for (FileStatus f : fs.listStatus(p)) {
            if (f.isFile()) {
                fs.copyToLocalFile(
                        false, f.getPath(), new Path(new File(copy, f.getPath().getName()).toURI()), true);
            }
        }
        return new LocalDirectory() {
            @Override
            public File dir() {
                return copy;
            }

            @Override
            public void close() throws IOException {
                try (var all = Files.walk(copy.toPath())) {
                    all.sorted(Comparator.reverseOrder()).forEach(f -> {
                        try {
                            Files.deleteIfExists(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        };
    }
}
