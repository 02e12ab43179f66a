package org.bearingworkbench.model;

import java.util.List;

/**
 * The LSTM layers of the autoencoder {@link NetworkFactory} builds, in order: the encoder's, then the decoder's
 * (mirrored). Layer l reads {@code nIn[l]} values per step and has {@code nOut[l]} units; the output layer reads
 * {@code last}.
 */
record LstmStack(int[] nIn, int[] nOut, int last) {
    static LstmStack of(ModelConfig config, int features) {
        List<Integer> enc = config.layers();
        int k = enc.size();
        int[] nIn = new int[2 * k];
        int[] nOut = new int[2 * k];
        int in = features;
        for (int i = 0; i < k; i++) {
            nIn[i] = in;
            nOut[i] = enc.get(i);
            in = enc.get(i);
        }
        for (int i = 0; i < k; i++) {
            nIn[k + i] = in;
            nOut[k + i] = enc.get(k - 1 - i);
            in = nOut[k + i];
        }
        return new LstmStack(nIn, nOut, in);
    }
}
