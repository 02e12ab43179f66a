package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The fused lstmLayer path computes what DL4J's MultiLayerNetwork computes, step for step. */
class FusedTrainingStepsTest {
    private static final ModelConfig STUDY = ModelConfig.defaults();
    private static final ModelConfig WINDOWED =
            new ModelConfig(List.of(8, 4, 2), "tanh", "sigmoid", 3, 10, 6, 0.01, 0.9, 0.999, 1e-7, 0.05, 7, 0.01);
    private static final ModelConfig WINDOWED_NO_L2 =
            new ModelConfig(List.of(8, 4, 2), "tanh", "sigmoid", 3, 10, 6, 0.01, 0.9, 0.999, 1e-7, 0.05, 7, 0);

    @BeforeAll
    static void load() {
        ModelRuntime.ensureLoaded();
    }

    private static INDArray batch(Random r, int size, int features, int timesteps) {
        double[] d = new double[size * features * timesteps];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble();
        }
        return Nd4j.create(d, new long[] {size, features, timesteps}, 'c').castTo(DataType.FLOAT);
    }

    private static double maxRelativeDifference(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    @Test
    void parametersRoundTripThroughDl4jLayoutExactly() {
        MultiLayerNetwork net = NetworkFactory.build(WINDOWED, 5);
        MultiLayerNetwork copy = NetworkFactory.build(WINDOWED_NO_L2, 5);
        try (FusedTrainingSteps fused = new FusedTrainingSteps(net, WINDOWED, 5)) {
            fused.copyTo(copy);
        }
        assertEquals(net.params(), copy.params());
    }

    @Test
    void gradientAndScoreEqualDl4jsForTheStudysNetwork() {
        checkGradient(STUDY, 4, 10);
    }

    @Test
    void gradientAndScoreEqualDl4jsWithWindowsDeeperLayersAndOtherActivations() {
        checkGradient(WINDOWED_NO_L2, 5, 7);
    }

    @Test
    void gradientAndScoreEqualDl4jsForOneLayerIdentityAndSigmoidActivations() {
        for (String activation : List.of("identity", "sigmoid")) {
            checkGradient(
                    new ModelConfig(
                            List.of(6), activation, "hard_sigmoid", 2, 10, 4, 0.001, 0.9, 0.999, 1e-7, 0.05, 11, 0),
                    3,
                    4);
        }
    }

    private static void checkGradient(ModelConfig config, int features, int batchSize) {
        MultiLayerNetwork net = NetworkFactory.build(config, features);
        INDArray x = batch(new Random(3), batchSize, features, config.timesteps());
        net.setInput(x);
        net.setLabels(x);
        net.computeGradientAndScore();
        INDArray dl4j = net.gradient().gradient().dup().divi(batchSize); // DL4J's updater divides by the batch
        double dl4jScore = net.score();

        MultiLayerNetwork holder = NetworkFactory.build(config, features);
        try (FusedTrainingSteps fused = new FusedTrainingSteps(net, config, features)) {
            double score = fused.computeGradient(x);
            fused.copyGradientTo(holder);
            assertEquals(dl4jScore, score, 1e-5 * Math.abs(dl4jScore));
        }
        double diff = maxRelativeDifference(dl4j, holder.params());
        assertTrue(diff < 1e-4, "gradient differs from DL4J's by " + diff + " (relative to its largest entry)");
    }

    @Test
    void trainingStepsFollowDl4jsFitIncludingAdamAndL2() {
        ModelConfig config = WINDOWED;
        int features = 5;
        MultiLayerNetwork reference = NetworkFactory.build(config, features);
        MultiLayerNetwork trained = NetworkFactory.build(config, features);
        Random r = new Random(5);
        List<INDArray> batches = IntStream.range(0, 30)
                .mapToObj(i -> batch(r, 6, features, config.timesteps()))
                .toList();
        double[] fusedScores = new double[batches.size()];
        try (FusedTrainingSteps fused = new FusedTrainingSteps(reference, config, features)) {
            for (int i = 0; i < batches.size(); i++) {
                fusedScores[i] = fused.fit(batches.get(i));
            }
            fused.copyTo(trained);
        }
        reference = NetworkFactory.build(config, features); // closing wrote the fused parameters into the first
        for (int i = 0; i < batches.size(); i++) {
            reference.fit(batches.get(i), batches.get(i));
            assertEquals(reference.score(), fusedScores[i], 1e-4 * reference.score(), "score of step " + i);
        }
        double diff = maxRelativeDifference(reference.params(), trained.params());
        assertTrue(diff < 1e-4, "after 30 steps the parameters differ from DL4J's by " + diff);
    }
}
