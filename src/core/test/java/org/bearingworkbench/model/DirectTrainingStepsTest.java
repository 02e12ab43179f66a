package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plain-Java path computes what DL4J's MultiLayerNetwork computes, step for step: against a float64 network to
 * ~1e-12 (the same math in the same precision), against the float32 network to float rounding.
 */
class DirectTrainingStepsTest {
    private static final ModelConfig STUDY = ModelConfig.defaults();
    private static final ModelConfig WINDOWED = ModelConfig.builder()
            .layers(List.of(8, 4, 2))
            .activation("tanh")
            .gateActivation("sigmoid")
            .timesteps(3)
            .epochs(10)
            .batchSize(6)
            .learningRate(0.01)
            .adam(0.9, 0.999, 1e-7)
            .validationSplit(0.05)
            .seed(7)
            .l2(0.01)
            .build();
    private static final ModelConfig WINDOWED_NO_L2 = ModelConfig.builder()
            .layers(List.of(8, 4, 2))
            .activation("tanh")
            .gateActivation("sigmoid")
            .timesteps(3)
            .epochs(10)
            .batchSize(6)
            .learningRate(0.01)
            .adam(0.9, 0.999, 1e-7)
            .validationSplit(0.05)
            .seed(7)
            .l2(0)
            .build();
    private static final ModelConfig WINDOWED_RELU = ModelConfig.builder()
            .layers(List.of(5, 3))
            .activation("relu")
            .gateActivation("hard_sigmoid")
            .timesteps(4)
            .epochs(10)
            .batchSize(5)
            .learningRate(0.005)
            .adam(0.8, 0.99, 1e-6)
            .validationSplit(0.05)
            .seed(9)
            .l2(0)
            .build();

    @BeforeAll
    static void load() {
        ModelRuntime.ensureLoaded();
    }

    /** {@code rows} rows of {@code features} columns in [0, 1), as the scaler leaves them. */
    private static double[][] data(Random r, int features, int rows) {
        double[][] d = new double[features][rows];
        for (double[] column : d) {
            for (int i = 0; i < rows; i++) {
                column[i] = r.nextDouble();
            }
        }
        return d;
    }

    private static int[] starts(Random r, int batch, int windows) {
        int[] s = new int[batch];
        for (int i = 0; i < batch; i++) {
            s[i] = r.nextInt(windows);
        }
        return s;
    }

    private static double maxRelativeDifference(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    @Test
    void parametersRoundTripThroughDl4jLayoutExactly() {
        MultiLayerNetwork net = NetworkFactory.build(WINDOWED, 5, DataType.DOUBLE);
        MultiLayerNetwork same = NetworkFactory.build(
                ModelConfig.builder()
                        .layers(List.of(8, 4, 2))
                        .activation("tanh")
                        .gateActivation("sigmoid")
                        .timesteps(3)
                        .epochs(10)
                        .batchSize(6)
                        .learningRate(0.01)
                        .adam(0.9, 0.999, 1e-7)
                        .validationSplit(0.05)
                        .seed(99)
                        .l2(0.01)
                        .build(),
                5,
                DataType.DOUBLE);
        try (DirectTrainingSteps direct = new DirectTrainingSteps(net, WINDOWED, 5)) {
            direct.copyTo(same);
        }
        assertEquals(net.params(), same.params());
    }

    @Test
    void gradientAndScoreEqualDl4jsForTheStudysNetwork() {
        checkGradient(STUDY, 4, 10, DataType.DOUBLE, 1e-10);
    }

    @Test
    void gradientAndScoreEqualDl4jsWithWindowsDeeperLayersAndOtherActivations() {
        checkGradient(WINDOWED_NO_L2, 5, 7, DataType.DOUBLE, 1e-10);
        checkGradient(WINDOWED_RELU, 3, 5, DataType.DOUBLE, 1e-10);
    }

    @Test
    void gradientAndScoreEqualDl4jsForOneLayerIdentityAndSigmoidActivations() {
        for (String activation : List.of("identity", "sigmoid")) {
            checkGradient(
                    ModelConfig.builder()
                            .layers(List.of(6))
                            .activation(activation)
                            .timesteps(2)
                            .batchSize(4)
                            .learningRate(0.001)
                            .adam(0.9, 0.999, 1e-7)
                            .seed(11)
                            .build(),
                    3,
                    4,
                    DataType.DOUBLE,
                    1e-10);
        }
    }

    @Test
    void gradientEqualsTheFloat32NetworksToFloatRounding() {
        checkGradient(STUDY, 4, 10, DataType.FLOAT, 1e-4);
        checkGradient(WINDOWED_NO_L2, 5, 7, DataType.FLOAT, 1e-4);
    }

    /** DL4J's gradient before its updater: without L2, which the updater adds (the steps' test covers L2). */
    private static void checkGradient(
            ModelConfig config, int features, int batchSize, DataType type, double tolerance) {
        int rows = 40;
        double[][] data = data(new Random(3), features, rows);
        int[] starts = starts(new Random(4), batchSize, Windows.count(rows, config.timesteps()));
        MultiLayerNetwork net = NetworkFactory.build(config, features, type);
        INDArray x = Windows.of(data, starts, config.timesteps(), type);
        net.setInput(x);
        net.setLabels(x);
        net.computeGradientAndScore();
        INDArray dl4j = net.gradient().gradient().dup().divi(batchSize); // DL4J's updater divides by the batch
        double dl4jScore = net.score();

        MultiLayerNetwork holder = NetworkFactory.build(config, features, type);
        try (DirectTrainingSteps direct = new DirectTrainingSteps(net, config, features)) {
            double score = direct.computeGradient(data, starts);
            direct.copyGradientTo(holder);
            assertEquals(dl4jScore, score, tolerance * Math.abs(dl4jScore), "score");
        }
        double diff = maxRelativeDifference(dl4j, holder.params());
        assertTrue(diff < tolerance, "gradient differs from DL4J's by " + diff + " (relative to its largest entry)");
    }

    @Test
    void trainingStepsFollowDl4jsFitIncludingAdamAndL2() {
        followFit(WINDOWED, 5, 6);
        followFit(STUDY, 4, 10);
        followFit(WINDOWED_RELU, 3, 5);
    }

    private static void followFit(ModelConfig config, int features, int batchSize) {
        int rows = 60;
        double[][] data = data(new Random(5), features, rows);
        Random r = new Random(6);
        int steps = 30;
        int[][] batches = new int[steps][];
        for (int i = 0; i < steps; i++) {
            batches[i] = starts(r, batchSize, Windows.count(rows, config.timesteps()));
        }
        MultiLayerNetwork trained = NetworkFactory.build(config, features, DataType.DOUBLE);
        double[] scores = new double[steps];
        try (DirectTrainingSteps direct = new DirectTrainingSteps(trained, config, features)) {
            for (int i = 0; i < steps; i++) {
                scores[i] = direct.fit(data, batches[i]);
            }
        }
        MultiLayerNetwork reference = NetworkFactory.build(config, features, DataType.DOUBLE);
        for (int i = 0; i < steps; i++) {
            INDArray x = Windows.of(data, batches[i], config.timesteps(), DataType.DOUBLE);
            reference.fit(x, x);
            assertEquals(reference.score(), scores[i], 1e-10 * reference.score(), "score of step " + i);
        }
        double diff = maxRelativeDifference(reference.params(), trained.params());
        assertTrue(diff < 1e-9, "after " + steps + " steps the parameters differ from DL4J's by " + diff);
        assertTrue(
                maxRelativeDifference(
                                NetworkFactory.build(config, features, DataType.DOUBLE)
                                        .params(),
                                trained.params())
                        > 1e-4,
                "training moved the parameters");
    }

    @Test
    void validationLossIsTheMeanAbsoluteErrorOfTheNetworksOutput() {
        ModelConfig config = WINDOWED;
        int features = 5;
        double[][] data = data(new Random(8), features, 50);
        MultiLayerNetwork net = NetworkFactory.build(config, features, DataType.DOUBLE);
        INDArray windows = Windows.range(data, 10, 45, config.timesteps(), DataType.DOUBLE);
        double expected = net.output(windows, false).sub(windows).norm1Number().doubleValue() / windows.length();
        try (DirectTrainingSteps direct = new DirectTrainingSteps(net, config, features)) {
            assertEquals(expected, direct.validationLoss(data, 10, 45), 1e-12 * expected);
        }
    }

    @Test
    void restoreKeptGoesBackToTheLastKeptParameters() {
        ModelConfig config = STUDY;
        double[][] data = data(new Random(9), 4, 30);
        MultiLayerNetwork net = NetworkFactory.build(config, 4, DataType.DOUBLE);
        MultiLayerNetwork start = NetworkFactory.build(config, 4, DataType.DOUBLE);
        try (DirectTrainingSteps direct = new DirectTrainingSteps(net, config, 4)) {
            direct.keep();
            direct.fit(data, new int[] {1, 2, 3});
            direct.restoreKept();
        }
        assertEquals(start.params(), net.params());
    }
}
