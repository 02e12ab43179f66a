package org.bearingworkbench.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sliding windows of {@code timesteps} consecutive rows over scaled feature columns, as network input in DL4J's
 * [batch, features, time] layout. Window w covers rows w .. w+timesteps-1.
 */
public final class Windows {
    private Windows() {}

    /** Number of windows that fit in {@code rows} rows. */
    public static int count(int rows, int timesteps) {
        return Math.max(0, rows - timesteps + 1);
    }

    /** Windows starting at the given indexes. {@code scaled[c][r]} is column c, row r. */
    public static INDArray of(double[][] scaled, int[] starts, int timesteps) {
        return of(scaled, starts, timesteps, DataType.FLOAT);
    }

    /** Windows in the given precision (the network's). */
    public static INDArray of(double[][] scaled, int[] starts, int timesteps, DataType type) {
        int f = scaled.length;
        double[] data = new double[starts.length * f * timesteps];
        int k = 0;
        for (int start : starts) {
            for (int c = 0; c < f; c++) {
                for (int t = 0; t < timesteps; t++) {
                    data[k++] = scaled[c][start + t];
                }
            }
        }
        return Nd4j.create(data, new long[] {starts.length, f, timesteps}, 'c').castTo(type);
    }

    /** Windows {@code from .. to-1} in order. */
    public static INDArray range(double[][] scaled, int from, int to, int timesteps) {
        return range(scaled, from, to, timesteps, DataType.FLOAT);
    }

    public static INDArray range(double[][] scaled, int from, int to, int timesteps, DataType type) {
        int[] starts = new int[to - from];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = from + i;
        }
        return of(scaled, starts, timesteps, type);
    }
}
