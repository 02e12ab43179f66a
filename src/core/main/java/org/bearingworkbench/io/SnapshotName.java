package org.bearingworkbench.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The IMS file-name convention: a snapshot's name is its timestamp {@code YYYY.MM.DD.hh.mm.ss}, optionally {@code
 * .gz}.
 */
public final class SnapshotName {
    /** Made when first used (a formatter costs start-up time that reading names does not need). */
    private static final class Format {
        static final DateTimeFormatter IMS =
                DateTimeFormatter.ofPattern("uuuu.MM.dd.HH.mm.ss").withResolverStyle(ResolverStyle.STRICT);
    }

    private SnapshotName() {}

    /** The timestamp encoded in {@code fileName}, or empty if the name does not follow the convention. */
    public static Optional<LocalDateTime> timestampOf(String fileName) {
        // read by hand, not by a regular expression: it runs once per file before the first file is parsed
        int length = fileName.length();
        if (length != 19 && !(length == 22 && fileName.endsWith(".gz"))) {
            return Optional.empty();
        }
        int[] fields = new int[6];
        int pos = 0;
        for (int f = 0; f < fields.length; f++) {
            int digits = f == 0 ? 4 : 2;
            for (int d = 0; d < digits; d++) {
                char c = fileName.charAt(pos++);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                fields[f] = fields[f] * 10 + (c - '0');
            }
            if (f < fields.length - 1 && fileName.charAt(pos++) != '.') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isGzip(String fileName) {
        return fileName.endsWith(".gz");
    }

    /** The IMS-style name for a timestamp (used for feature tables that came without file names). */
    public static String of(LocalDateTime t) {
        return Format.IMS.format(t);
    }

    /** Parses an IMS-style timestamp string, throwing {@link DateTimeParseException} when it is not one. */
    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text, Format.IMS);
    }
}
