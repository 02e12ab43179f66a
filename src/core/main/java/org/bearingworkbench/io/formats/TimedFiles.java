package org.bearingworkbench.io.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.NumberToken;
import org.bearingworkbench.io.SkippedFile;

/**
 * Lists the snapshot files of a layout whose names do not state their time by a fixed convention: the files a
 * filter accepts, each timed by the user's {@link DelimitedLayout.TimeRule}, in time order (natural name order for
 * equal or order-based times). Files the rule cannot time are skipped with the reason.
 */
final class TimedFiles {
    private TimedFiles() {}

    static List<SnapshotRef> list(
            Path dir,
            Predicate<String> accept,
            String expected,
            DelimitedLayout.TimeRule rule,
            List<SkippedFile> skipped,
            boolean unique)
            throws InputFormatException {
        List<Path> files = new ArrayList<>();
        for (Path p : DirectoryEntries.files(dir, skipped)) {
            String name = p.getFileName().toString();
            if (accept.test(name)) {
                files.add(p);
            } else {
                skipped.add(new SkippedFile(NumberToken.printable(name), "not " + expected));
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString(), TimedFiles::natural));
        List<SnapshotRef> out = new ArrayList<>();
        LocalDateTime start = NumberedFiles.dayStart();
        DateTimeFormatter pattern =
                rule instanceof DelimitedLayout.ByName n ? DateTimeFormatter.ofPattern(n.pattern()) : null;
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            String name = p.getFileName().toString();
            LocalDateTime t;
            try {
                if (rule instanceof DelimitedLayout.ByOrder o) {
                    t = start.plus(o.interval().multipliedBy(i));
                } else if (pattern != null) {
                    t = LocalDateTime.parse(stem(name), pattern);
                } else {
                    t = LocalDateTime.ofInstant(Files.getLastModifiedTime(p).toInstant(), ZoneId.systemDefault());
                }
            } catch (DateTimeParseException e) {
                skipped.add(new SkippedFile(
                        NumberToken.printable(name),
                        "name does not match the time pattern " + ((DelimitedLayout.ByName) rule).pattern()));
                continue;
            } catch (IOException e) {
                skipped.add(
                        new SkippedFile(NumberToken.printable(name), "no modification time (" + e.getMessage() + ")"));
                continue;
            }
            out.add(new SnapshotRef(p, name, t, DirectoryEntries.size(p)));
        }
        return unique ? DirectoryEntries.uniqueByTime(out, skipped) : out;
    }

    /** A file name without its extension ({@code 2024-01-02_10-00.csv} gives {@code 2024-01-02_10-00}). */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Natural order: digit runs compare as numbers, so {@code 2.csv} comes before {@code 10.csv}. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
