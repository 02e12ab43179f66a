package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.features.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The plain-Java forward pass reconstructs what DL4J's network does, for every activation and time-step count. */
class DirectForwardTest {

    private static double[][] randomInputs(int features, int rows, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[features][rows];
        for (double[] c : x) {
            for (int i = 0; i < rows; i++) {
                c[i] = r.nextDouble() * 1.6 - 0.3; // also outside the training range, as failing bearings are
            }
        }
        return x;
    }

    private static void assertClose(double[][] want, double[][] got, double relative) {
        double worst = 0;
        for (int r = 0; r < want.length; r++) {
            for (int c = 0; c < want[r].length; c++) {
                double d = Math.abs(want[r][c] - got[r][c]) / Math.max(1e-3, Math.abs(want[r][c]));
                worst = Math.max(worst, d);
            }
        }
        assertTrue(worst <= relative, "largest relative difference " + worst);
    }

    @ParameterizedTest
    @CsvSource({
        "relu,sigmoid,1,FLOAT",
        "tanh,hard_sigmoid,3,FLOAT",
        "sigmoid,sigmoid,2,DOUBLE",
        "identity,hard_sigmoid,1,DOUBLE",
        "relu,hard_sigmoid,4,DOUBLE"
    })
    void matchesDl4jForEveryActivationAndTimeSteps(String act, String gate, int timesteps, String type) {
        ModelConfig d = ModelConfig.defaults();
        ModelConfig c = new ModelConfig(
                List.of(16, 4),
                act,
                gate,
                timesteps,
                1,
                d.batchSize(),
                d.learningRate(),
                d.beta1(),
                d.beta2(),
                d.epsilon(),
                d.validationSplit(),
                11,
                d.l2());
        DataType dt = DataType.valueOf(type);
        var net = NetworkFactory.build(c, 4, dt);
        LstmAutoencoder m = new LstmAutoencoder(
                net, List.of("a", "b", "c", "d"), new MinMaxScaler(new double[4], new double[] {1, 1, 1, 1}), c);
        double[][] x = randomInputs(4, 40, 5);
        assertClose(m.reconstruct(x), m.reconstructDirect(x), dt == DataType.DOUBLE ? 1e-12 : 1e-4);
        Scores a = m.score(x);
        Scores b = m.scoreDirect(x);
        for (int r = 0; r < 40; r++) {
            assertEquals(
                    a.score()[r], b.score()[r], (dt == DataType.DOUBLE ? 1e-12 : 1e-6) * Math.max(1, a.score()[r]));
        }
    }

    @Test
    void aStoredTrainedBundleScoresTheSampleRunAsThroughDl4j() throws Exception {
        ModelBundle b = ModelBundle.load(SampleData.root().resolve("src/core/test/resources/bundles/v1-sample.bwm"));
        FeatureTable t = SampleData.table();
        double[][] x = b.model().scaledInputs(t);
        Scores want = b.model().score(x);
        Scores got = b.model().scoreDirect(x);
        for (int r = 0; r < t.rowCount(); r++) {
            assertEquals(want.score()[r], got.score()[r], 1e-6 * Math.max(1, want.score()[r]), "row " + r);
            for (int c = 0; c < 4; c++) {
                assertEquals(want.errors()[r][c], got.errors()[r][c], 1e-6 * Math.max(1, want.errors()[r][c]));
            }
        }
    }

    @Test
    void theStudysImportedKerasModelToDoublePrecision() throws Exception {
        MinMaxScaler scaler = ScalerJson.read(SharedData.file("seed-model/scaler_params.json"));
        List<String> cols = List.of("ch1_mean_abs", "ch2_mean_abs", "ch3_mean_abs", "ch4_mean_abs");
        LstmAutoencoder m = KerasAutoencoderImport.load(SharedData.file("seed-model/Cloud_model.h5"), scaler, cols);
        double[][] x = randomInputs(4, 200, 9);
        assertClose(m.reconstruct(x), m.reconstructDirect(x), 1e-12);
    }
}
