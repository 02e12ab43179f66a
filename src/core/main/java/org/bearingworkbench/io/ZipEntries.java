package org.bearingworkbench.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The small zip files the workbench writes (model bundles, projects): every entry in memory, by name. */
public final class ZipEntries {
    private ZipEntries() {}

    /**
     * Every entry of the zip in {@code in}, by name. An entry over 2 GB is refused (a zip bomb or a foreign file);
     * a stream that is not a zip gives an empty map; a truncated one a {@link ZipException} or EOF.
     */
    public static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e;
        byte[] buf = new byte[65536];
        while ((e = zip.getNextEntry()) != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = 0;
            int n;
            while ((n = zip.read(buf)) > 0) {
                total += n;
                if (total > Integer.MAX_VALUE - 16) {
                    throw new ZipException("an entry larger than 2 GB");
                }
                out.write(buf, 0, n);
            }
            entries.put(e.getName(), out.toByteArray());
        }
        return entries;
    }

    /** Adds one entry. */
    public static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
