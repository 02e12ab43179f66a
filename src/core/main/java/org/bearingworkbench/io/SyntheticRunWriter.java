package org.bearingworkbench.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.bearingworkbench.signal.SyntheticRun;
import org.bearingworkbench.task.TaskContext;

/** Writes a {@link SyntheticRun} as an IMS directory: tab-separated, CRLF, 3 decimals, optionally gzip. */
public final class SyntheticRunWriter {
    private SyntheticRunWriter() {}

    public static void write(SyntheticRun run, Path dir, boolean gzip, TaskContext context) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(run.rows() * run.channels() * 8);
        for (int f = 0; f < run.files(); f++) {
            context.checkCancelled();
            double[][] x = run.snapshot(f);
            sb.setLength(0);
            for (int i = 0; i < run.rows(); i++) {
                for (int c = 0; c < run.channels(); c++) {
                    if (c > 0) {
                        sb.append('\t');
                    }
                    appendFixed3(sb, x[c][i]);
                }
                sb.append("\r\n");
            }
            String name = SnapshotName.of(run.timestamp(f)) + (gzip ? ".gz" : "");
            byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = gzip
                    ? new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))
                    : Files.newOutputStream(dir.resolve(name))) {
                out.write(bytes);
            }
            context.progress(f + 1, run.files(), (f + 1) + "/" + run.files() + " files written");
        }
    }

    static void appendFixed3(StringBuilder sb, double v) {
        long m = Math.round(v * 1000);
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        sb.append(m / 1000).append('.');
        long frac = m % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
