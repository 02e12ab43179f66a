package org.bearingworkbench.io.formats;

import org.bearingworkbench.io.SnapshotParser;

/** The signal columns of a parsed text snapshot: channel c is parser column {@code columns[c]}. */
record ParserView(SnapshotParser parser, int[] columns) implements SignalView {
    @Override
    public int channels() {
        return columns.length;
    }

    @Override
    public int rows() {
        return parser.rows();
    }

    @Override
    public double[] channel(int c) {
        return parser.channel(columns[c]);
    }

    /** Every column but {@code skip} (a time column). */
    static ParserView without(SnapshotParser parser, int skip) {
        int[] cols = new int[parser.channels() - 1];
        for (int i = 0, k = 0; i < parser.channels(); i++) {
            if (i != skip) {
                cols[k++] = i;
            }
        }
        return new ParserView(parser, cols);
    }

    static ParserView all(SnapshotParser parser) {
        int[] cols = new int[parser.channels()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = i;
        }
        return new ParserView(parser, cols);
    }
}
