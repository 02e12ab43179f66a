package org.bearingworkbench.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How the trainer computes its steps on a network, one implementation per {@link TrainingPath}: plain Java on double
 * arrays ({@link DirectTrainingSteps}) or DL4J's own {@code MultiLayerNetwork.fit}, the reference the plain-Java path
 * is tested against. Closing writes the trained parameters into the network.
 */
interface TrainingSteps extends AutoCloseable {
    /**
     * One Adam step on the batch of windows starting at the rows {@code starts} of {@code scaled} ({@code
     * scaled[column][row]}); returns the batch's score (DL4J's definition) before the step.
     */
    double fit(double[][] scaled, int[] starts);

    /** Mean absolute reconstruction error of the windows {@code from .. to-1} under the current parameters. */
    double validationLoss(double[][] scaled, int from, int to);

    /** How often the trainer should run the GC to free ND4J's native garbage (batches; measured per path). */
    int batchesPerGc();

    /** Remembers the current parameters (the end of an epoch). */
    void keep();

    /** Goes back to the parameters last kept. */
    void restoreKept();

    @Override
    void close();

    static TrainingSteps forNetwork(MultiLayerNetwork net, ModelConfig config, int features, TrainingPath path) {
        return switch (path) {
            case DIRECT -> new DirectTrainingSteps(net, config, features);
            case DL4J -> new Dl4jSteps(net, config);
        };
    }

    /** DL4J's layer-by-layer path. */
    final class Dl4jSteps implements TrainingSteps {
        private final MultiLayerNetwork net;
        private final int timesteps;
        private INDArray kept;

        Dl4jSteps(MultiLayerNetwork net, ModelConfig config) {
            this.net = net;
            this.timesteps = config.timesteps();
            this.kept = net.params().dup();
        }

        @Override
        public double fit(double[][] scaled, int[] starts) {
            INDArray batch = Windows.of(scaled, starts, timesteps, net.params().dataType());
            net.fit(batch, batch);
            return net.score();
        }

        @Override
        public double validationLoss(double[][] scaled, int from, int to) {
            INDArray windows =
                    Windows.range(scaled, from, to, timesteps, net.params().dataType());
            INDArray out = net.output(windows, false);
            return Transforms.abs(out.sub(windows)).meanNumber().doubleValue();
        }

        /** 50: 15 was slower, 150 and 200 no faster and up to 500 MB (bench train, docs/decisions/0002). */
        @Override
        public int batchesPerGc() {
            return 50;
        }

        @Override
        public void keep() {
            kept = net.params().dup();
        }

        @Override
        public void restoreKept() {
            net.setParams(kept);
        }

        @Override
        public void close() {
            // the network holds its parameters already
        }
    }
}
