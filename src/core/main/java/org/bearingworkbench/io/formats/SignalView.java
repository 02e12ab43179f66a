package org.bearingworkbench.io.formats;

import java.util.Arrays;

/**
 * The signal channels of one snapshot just read, without copying: {@code channel(c)} holds {@link #rows()} samples
 * of channel c (0-based). Valid until the reader that produced it reads the next file.
 */
public interface SignalView {
    int channels();

    int rows();

    double[] channel(int c);

    /** Copies the samples ({@code [channel][row]}). */
    default double[][] copy() {
        double[][] out = new double[channels()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOf(channel(c), rows());
        }
        return out;
    }
}
