package org.bearingworkbench.io.formats;

/** Samples held in arrays ({@code [channel][row]}), as decoded from a binary file. */
record ArrayView(double[][] samples, int rows) implements SignalView {
    @Override
    public int channels() {
        return samples.length;
    }

    @Override
    public double[] channel(int c) {
        return samples[c];
    }
}
