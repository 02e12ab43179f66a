package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;

/**
 * Helpers for layouts whose files are numbered ({@code acc_00001.csv}, {@code 1.csv}) rather than named by time:
 * numeric (not lexical) order, and the day the public sets leave unstated. Their times carry no date: the first
 * snapshot is placed on {@link #FIRST_DAY} (a stand-in docs/data.md names), later ones by their clock or interval.
 */
final class NumberedFiles {
    /** The stand-in date of a layout without dates. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private NumberedFiles() {}

    record Numbered(Path path, String name, long number) {}

    /**
     * Files matching {@code pattern} (group 1 = the number) in numeric order; others unless {@code ignore} are
     * skipped.
     */
    static List<Numbered> list(Path dir, Pattern pattern, Pattern ignore, String expected, List<SkippedFile> skipped)
            throws InputFormatException {
        List<Numbered> out = new ArrayList<>();
        for (Path p : DirectoryEntries.files(dir, skipped)) {
            String name = p.getFileName().toString();
            Matcher m = pattern.matcher(name);
            if (m.matches() && m.group(1).length() <= 15) {
                out.add(new Numbered(p, name, Long.parseLong(m.group(1))));
            } else if (ignore == null || !ignore.matcher(name).matches()) {
                skipped.add(new SkippedFile(NumberToken.printable(name), "not " + expected));
            }
        }
        out.sort(Comparator.comparingLong(Numbered::number));
        return out;
    }

    /** The first line of a file (up to 512 bytes), as text. */
    static String firstLine(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(512);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill
            }
            String s = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
            if (s.startsWith("\u00EF\u00BB\u00BF")) {
                s = s.substring(3);
            }
            int end = 0;
            while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            return s.substring(0, end);
        }
    }

    static LocalDateTime dayStart() {
        return FIRST_DAY.atStartOfDay();
    }
}
