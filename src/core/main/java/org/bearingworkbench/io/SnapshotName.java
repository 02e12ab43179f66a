package org.bearingworkbench.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IMS file-name convention: a snapshot's name is its timestamp {@code YYYY.MM.DD.hh.mm.ss}, optionally {@code
 * .gz}.
 */
public final class SnapshotName {
    private static final Pattern NAME =
            Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})\\.(\\d{2})\\.(\\d{2})\\.(\\d{2})(\\.gz)?");
    public static final DateTimeFormatter IMS =
            DateTimeFormatter.ofPattern("uuuu.MM.dd.HH.mm.ss").withResolverStyle(ResolverStyle.STRICT);

    private SnapshotName() {}

    /** The timestamp encoded in {@code fileName}, or empty if the name does not follow the convention. */
    public static Optional<LocalDateTime> timestampOf(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isGzip(String fileName) {
        return fileName.endsWith(".gz");
    }

    /** The IMS-style name for a timestamp (used for feature tables that came without file names). */
    public static String of(LocalDateTime t) {
        return IMS.format(t);
    }

    /** Parses an IMS-style timestamp string, throwing {@link DateTimeParseException} when it is not one. */
    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text, IMS);
    }
}
