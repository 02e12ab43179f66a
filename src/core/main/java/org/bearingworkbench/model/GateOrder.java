package org.bearingworkbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where an LSTM's four gate blocks sit in its weight matrices and bias. Keras and ND4J's fused {@code lstmLayer} op
 * write them as [input, forget, cell, output]; DL4J's LSTM layer as [cell, forget, output, input]. The Keras import
 * and the fused training path both convert through here.
 */
final class GateOrder {
    /** For each block of the [input, forget, cell, output] order, its position in DL4J's order. */
    static final int[] DL4J_POSITION = {3, 1, 0, 2};

    private GateOrder() {}

    /** A [rows, 4 units] matrix in [input, forget, cell, output] order, rearranged into DL4J's. */
    static INDArray toDl4j(INDArray ifco) {
        long u = ifco.size(1) / 4;
        INDArray[] dl4j = new INDArray[4];
        for (int block = 0; block < 4; block++) {
            dl4j[DL4J_POSITION[block]] =
                    ifco.get(NDArrayIndex.all(), NDArrayIndex.interval(block * u, (block + 1) * u));
        }
        return Nd4j.hstack(dl4j);
    }
}
