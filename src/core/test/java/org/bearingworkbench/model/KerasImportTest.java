package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.io.FeatureCsv;
import org.bearingworkbench.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's Keras model, opened into the workbench's own network, reproduces the Keras outputs and scores. */
class KerasImportTest {
    private static final List<String> COLUMNS = List.of("Bearing 1", "Bearing 2", "Bearing 3", "Bearing4");

    @TempDir
    Path dir;

    private static LstmAutoencoder studyModel() throws Exception {
        MinMaxScaler scaler = ScalerJson.read(SharedData.file("seed-model/scaler_params.json"));
        return KerasAutoencoderImport.load(SharedData.file("seed-model/Cloud_model.h5"), scaler, COLUMNS);
    }

    @Test
    void reproducesTheKerasOutputsAndScoresOfAll982Rows() throws Exception {
        LstmAutoencoder model = studyModel();
        assertEquals(3236, model.parameterCount());
        assertEquals("hard_sigmoid", model.config().gateActivation());
        Reference ref = Reference.read();
        assertEquals(982, ref.rows());
        double[][] scaled = new double[4][];
        for (int c = 0; c < 4; c++) {
            scaled[c] = ref.column("B" + (c + 1) + "_scaled");
        }
        double[][] out = model.reconstruct(scaled);
        Scores s = model.score(scaled);
        double[] loss = ref.column("Loss_mae");
        double worst = 0;
        for (int r = 0; r < 982; r++) {
            for (int c = 0; c < 4; c++) {
                double expected = ref.column("P" + (c + 1))[r];
                worst = Math.max(worst, Math.abs(out[r][c] - expected));
                assertEquals(expected, out[r][c], 1e-5, "row " + r + " P" + (c + 1));
            }
            assertEquals(loss[r], s.score()[r], 1e-5, "row " + r + " Loss_mae");
        }
        assertEquals(0.228705, s.score()[0], 1e-5);
        assertTrue(worst < 1e-5, "largest output difference " + worst);
    }

    @Test
    void scalerMatchesTheStudysScaledInputs() throws Exception {
        MinMaxScaler scaler = ScalerJson.read(SharedData.file("seed-model/scaler_params.json"));
        FeatureTable study = FeatureCsv.read(SharedData.file("ims-test2/seed_averaged_982.csv"));
        Reference ref = Reference.read();
        double[] raw = study.column("Bearing 1");
        double[] expected = ref.column("B1_scaled");
        for (int r = 0; r < raw.length; r++) {
            assertEquals(expected[r], scaler.scale(0, raw[r]), 1e-9);
        }
    }

    /** reference_scores.csv: timestamp, split, B1..B4_scaled, P1..P4, Loss_mae, Anomaly. */
    record Reference(List<String> header, List<String[]> cells) {
        static Reference read() throws Exception {
            List<String> lines = Files.readAllLines(SharedData.file("seed-model/reference_scores.csv"));
            return new Reference(
                    List.of(lines.get(0).split(",")),
                    lines.stream()
                            .skip(1)
                            .filter(l -> !l.isBlank())
                            .map(l -> l.split(","))
                            .toList());
        }

        int rows() {
            return cells.size();
        }

        double[] column(String name) {
            int i = header.indexOf(name);
            return cells.stream().mapToDouble(c -> Double.parseDouble(c[i])).toArray();
        }
    }

    @Test
    void rejectsAFileThatIsNotHdf5() throws Exception {
        Path f = Files.writeString(dir.resolve("model.h5"), "not a model");
        MinMaxScaler scaler = new MinMaxScaler(new double[4], new double[] {1, 1, 1, 1});
        var e = assertThrows(InputFormatException.class, () -> KerasAutoencoderImport.load(f, scaler, COLUMNS));
        assertEquals("model.h5: not an HDF5 file (expected a Keras .h5 model)", e.getMessage());
    }

    @Test
    void rejectsAScalerOfTheWrongSize() throws Exception {
        MinMaxScaler scaler = new MinMaxScaler(new double[3], new double[] {1, 1, 1});
        Path model = SharedData.file("seed-model/Cloud_model.h5"); // outside assertThrows: its skip must not be caught
        var e = assertThrows(InputFormatException.class, () -> KerasAutoencoderImport.load(model, scaler, COLUMNS));
        assertTrue(e.getMessage().contains("the model reads 4 features but the scaler has 3"), e.getMessage());
    }

    @Test
    void rejectsADenseAutoencoderNamingWhatWasExpected() {
        String json = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":\"Dense\","
                + "\"config\":{\"name\":\"d\","
                + "\"units\":2,\"batch_input_shape\":[null,4]}},{\"class_name\":\"Dense\","
                + "\"config\":{\"name\":\"o\",\"units\":4}}]}}";
        var e = assertThrows(InputFormatException.class, () -> KerasAutoencoderImport.parse(json, "dense.h5"));
        assertTrue(
                e.getMessage()
                        .startsWith("dense.h5: not an LSTM autoencoder of the study's shape (expected LSTM encoder"),
                e.getMessage());
        assertTrue(e.getMessage().contains("found a Dense layer"), e.getMessage());
    }

    @Test
    void rejectsAClassifierWithoutDecoder() {
        String json = "{\"class_name\":\"Sequential\",\"config\":[{\"class_name\":\"LSTM\","
                + "\"config\":{\"name\":\"l\",\"units\":8,"
                + "\"activation\":\"tanh\",\"recurrent_activation\":\"sigmoid\","
                + "\"return_sequences\":false,\"batch_input_shape\":[null,5,3]}}]}";
        var e = assertThrows(InputFormatException.class, () -> KerasAutoencoderImport.parse(json, "clf.h5"));
        assertTrue(e.getMessage().contains("RepeatVector missing"), e.getMessage());
    }

    @Test
    void readsAnyMirroredShapeWithSeveralTimeSteps() throws Exception {
        String json = "{\"class_name\":\"Sequential\",\"config\":[{\"class_name\":\"LSTM\","
                + "\"config\":{\"name\":\"a\",\"units\":8,"
                + "\"activation\":\"tanh\",\"recurrent_activation\":\"sigmoid\","
                + "\"return_sequences\":true,\"batch_input_shape\":[null,5,3]}},"
                + "{\"class_name\":\"LSTM\",\"config\":{\"name\":\"b\",\"units\":2,"
                + "\"activation\":\"tanh\",\"recurrent_activation\":\"sigmoid\",\"return_sequences\":false}},"
                + "{\"class_name\":\"RepeatVector\",\"config\":{\"name\":\"r\",\"n\":5}},"
                + "{\"class_name\":\"LSTM\",\"config\":{\"name\":\"c\",\"units\":2,"
                + "\"activation\":\"tanh\",\"recurrent_activation\":\"sigmoid\",\"return_sequences\":true}},"
                + "{\"class_name\":\"LSTM\",\"config\":{\"name\":\"d\",\"units\":8,"
                + "\"activation\":\"tanh\",\"recurrent_activation\":\"sigmoid\",\"return_sequences\":true}},"
                + "{\"class_name\":\"TimeDistributed\",\"config\":{\"name\":\"t\","
                + "\"layer\":{\"class_name\":\"Dense\",\"config\":{\"units\":3,\"activation\":\"linear\"}}}}]}";
        var arch = KerasAutoencoderImport.parse(json, "m.h5");
        assertEquals(5, arch.timesteps());
        assertEquals(3, arch.features());
        assertEquals(List.of(8, 2), arch.encoder());
        assertEquals(List.of("a", "b", "c", "d"), arch.lstmNames());
        assertEquals("t", arch.denseName());
    }
}
