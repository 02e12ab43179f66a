package org.bearingworkbench.io;

import org.apache.commons.csv.CSVFormat;

/**
 * One text cell of a CSV row, quoted by commons-csv where it needs it (a comma, quote or line break inside), for the
 * writers that build rows of numbers themselves: a snapshot file named {@code run 1,part a.csv} must read back as one
 * cell.
 */
public final class CsvCell {
    private CsvCell() {}

    public static String of(String text) {
        return CSVFormat.DEFAULT.format(text);
    }
}
