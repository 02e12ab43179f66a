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

    /** The most entries a bundle or project may hold. */
    static final int MAX_ENTRIES = 1000;

    /** The most bytes all entries may hold together once inflated. */
    static final long MAX_TOTAL = 128L << 20;

    /**
     * Every entry of the zip in {@code in}, by name. Bounded: more than {@value #MAX_ENTRIES} entries, or more than
     * 128 MB inflated in all (a zip bomb or a foreign file), is refused before it is held in memory; a stream that is
     * not a zip gives an empty map; a truncated one a {@link ZipException} or EOF.
     */
    public static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry e;
        byte[] buf = new byte[65536];
        long total = 0;
        while ((e = zip.getNextEntry()) != null) {
            if (entries.size() >= MAX_ENTRIES) {
                throw new ZipException("more than " + MAX_ENTRIES + " entries");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n;
            while ((n = zip.read(buf)) > 0) {
                total += n;
                if (total > MAX_TOTAL) {
                    throw new ZipException("more than " + (MAX_TOTAL >> 20) + " MB once inflated (at entry '"
                            + e.getName() + "'): not a file the workbench wrote");
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
