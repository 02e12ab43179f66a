package org.bearingworkbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.bearingworkbench.io.InputFormatException;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Opens a Keras (2.x, HDF5) LSTM autoencoder of the study's shape: stacked LSTM encoder (the last returns its final
 * step), RepeatVector(time steps), mirrored LSTM decoder, TimeDistributed(Dense, linear). The weights are read from
 * the HDF5 file into the workbench's own DL4J network, reordering Keras's gate blocks [i f c o] into DL4J's
 * [c f o i] (docs/decisions/0005 explains why DL4J's own importer is not used).
 */
public final class KerasAutoencoderImport {
    private KerasAutoencoderImport() {}

    /** The layer stack read from a Keras model's JSON config. */
    record Architecture(
            int timesteps,
            int features,
            List<Integer> encoder,
            List<Integer> decoder,
            String activation,
            String gateActivation,
            List<String> lstmNames,
            String denseName) {}

    public static LstmAutoencoder load(Path h5, MinMaxScaler scaler, List<String> columns) throws InputFormatException {
        String name = h5.getFileName().toString();
        if (!Files.isReadable(h5)) {
            throw new InputFormatException(h5 + ": file not found or not readable");
        }
        checkHdf5Signature(h5, name);
        ModelRuntime.ensureLoaded();
        try (Hdf5Archive archive = new Hdf5Archive(h5.toString())) {
            String json;
            try {
                json = archive.readAttributeAsJson("model_config");
            } catch (RuntimeException e) {
                throw new InputFormatException(
                        name + ": an HDF5 file without a Keras model_config (weights only?); "
                                + "save the whole model with model.save()",
                        e);
            }
            Architecture arch = parse(json, name);
            if (scaler.size() != arch.features()) {
                throw new InputFormatException(
                        name + ": the model reads " + arch.features() + " features but the scaler has " + scaler.size()
                                + " (data_min_/data_max_ must have one value per model input)");
            }
            if (columns.size() != arch.features()) {
                throw new InputFormatException(name + ": the model reads " + arch.features() + " features but "
                        + columns.size() + " data columns were chosen " + columns);
            }
            ModelConfig defaults = ModelConfig.defaults();
            ModelConfig config = new ModelConfig(
                    arch.encoder(),
                    arch.activation(),
                    arch.gateActivation(),
                    arch.timesteps(),
                    defaults.epochs(),
                    defaults.batchSize(),
                    defaults.learningRate(),
                    defaults.beta1(),
                    defaults.beta2(),
                    defaults.epsilon(),
                    defaults.validationSplit(),
                    defaults.seed(),
                    defaults.l2());
            MultiLayerNetwork net = NetworkFactory.build(config, arch.features(), DataType.DOUBLE);
            setWeights(archive, arch, net, name);
            return new LstmAutoencoder(net, columns, scaler, config);
        } catch (InputFormatException e) {
            throw e;
        } catch (RuntimeException | UnsupportedKerasConfigurationException e) {
            throw new InputFormatException(name + ": cannot read the Keras model (" + e.getMessage() + ")", e);
        }
    }

    private static void checkHdf5Signature(Path h5, String name) throws InputFormatException {
        byte[] sig = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (var in = Files.newInputStream(h5)) {
            byte[] head = in.readNBytes(8);
            if (!Arrays.equals(head, sig)) {
                throw new InputFormatException(name + ": not an HDF5 file (expected a Keras .h5 model)");
            }
        } catch (IOException e) {
            throw new InputFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static Architecture parse(String json, String name) throws InputFormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new InputFormatException(name + ": damaged model_config (" + e.getMessage() + ")", e);
        }
        JsonNode layers = root.path("config").isArray()
                ? root.path("config")
                : root.path("config").path("layers");
        if (!layers.isArray() || layers.size() == 0) {
            throw new InputFormatException(name + ": model_config has no layers");
        }
        SequentialWalk walk = new SequentialWalk(name);
        for (Iterator<JsonNode> it = layers.elements(); it.hasNext(); ) {
            walk.accept(it.next());
        }
        return walk.architecture();
    }

    /**
     * Reads a Keras Sequential LSTM autoencoder layer by layer: encoder LSTMs (the last one without
     * return_sequences), RepeatVector, decoder LSTMs (returning sequences), TimeDistributed(Dense, linear); anything
     * else is refused naming what was found.
     */
    private static final class SequentialWalk {
        private enum Stage {
            ENCODER,
            AWAITING_REPEAT,
            DECODER,
            OUTPUT
        }

        private final String name;
        private Stage stage = Stage.ENCODER;
        private int timesteps = -1;
        private int features = -1;
        private final List<Integer> encoder = new ArrayList<>();
        private final List<Integer> decoder = new ArrayList<>();
        private final List<String> lstmNames = new ArrayList<>();
        private String activation;
        private String gate;
        private String dense;
        private int repeat = -1;

        SequentialWalk(String name) {
            this.name = name;
        }

        void accept(JsonNode layer) throws InputFormatException {
            String cls = layer.path("class_name").asText();
            JsonNode cfg = layer.path("config");
            JsonNode shape = cfg.path("batch_input_shape");
            if (shape.isArray() && shape.size() == 3) {
                timesteps = shape.get(1).asInt(-1);
                features = shape.get(2).asInt(-1);
            }
            switch (cls) {
                case "InputLayer" -> {}
                case "LSTM" -> lstm(layer, cfg);
                case "RepeatVector" -> repeatVector(cfg);
                case "TimeDistributed" -> output(layer, cfg);
                default -> throw unexpected(name, "a " + cls + " layer");
            }
        }

        private void lstm(JsonNode layer, JsonNode cfg) throws InputFormatException {
            if (stage == Stage.OUTPUT) {
                throw unexpected(name, "an LSTM after the output layer");
            }
            String act = cfg.path("activation").asText();
            String ga = cfg.path("recurrent_activation").asText();
            if (activation != null && (!activation.equals(act) || !gate.equals(ga))) {
                throw unexpected(name, "LSTM layers with different activations (" + activation + " vs " + act + ")");
            }
            activation = act;
            gate = ga;
            int units = cfg.path("units").asInt();
            boolean sequences = cfg.path("return_sequences").asBoolean();
            if (stage == Stage.ENCODER) {
                encoder.add(units);
                if (!sequences) {
                    stage = Stage.AWAITING_REPEAT;
                }
            } else {
                decoder.add(units);
                if (!sequences) {
                    throw unexpected(name, "a decoder LSTM that does not return sequences");
                }
            }
            lstmNames.add(cfg.path("name").asText(layer.path("name").asText()));
        }

        private void repeatVector(JsonNode cfg) throws InputFormatException {
            if (stage != Stage.AWAITING_REPEAT) {
                throw unexpected(name, "RepeatVector before the encoder's last LSTM (return_sequences=False)");
            }
            repeat = cfg.path("n").asInt();
            stage = Stage.DECODER;
        }

        private void output(JsonNode layer, JsonNode cfg) throws InputFormatException {
            JsonNode inner = cfg.path("layer");
            if (!"Dense".equals(inner.path("class_name").asText())) {
                throw unexpected(
                        name, "TimeDistributed(" + inner.path("class_name").asText() + ")");
            }
            String act = inner.path("config").path("activation").asText("linear");
            if (!"linear".equals(act)) {
                throw unexpected(name, "an output Dense with activation " + act + " (expected linear)");
            }
            dense = cfg.path("name").asText(layer.path("name").asText());
            stage = Stage.OUTPUT;
        }

        /** The architecture read, once every layer is in: complete, mirrored, with a declared input shape. */
        Architecture architecture() throws InputFormatException {
            if (encoder.isEmpty() || repeat < 0 || decoder.isEmpty() || dense == null) {
                throw unexpected(
                        name,
                        "encoder " + encoder + ", RepeatVector " + (repeat < 0 ? "missing" : repeat) + ", decoder "
                                + decoder + ", output " + (dense == null ? "missing" : "TimeDistributed(Dense)"));
            }
            List<Integer> mirrored = new ArrayList<>(encoder);
            Collections.reverse(mirrored);
            if (!decoder.equals(mirrored)) {
                throw unexpected(name, "decoder sizes " + decoder + " that do not mirror the encoder " + encoder);
            }
            if (timesteps < 1 || features < 1) {
                throw new InputFormatException(
                        name + ": the model does not declare its input shape [time steps, features]");
            }
            if (repeat != timesteps) {
                throw unexpected(name, "RepeatVector(" + repeat + ") for " + timesteps + " input time steps");
            }
            String cell = activation.equals("linear") ? "identity" : activation;
            if (!ModelConfig.ACTIVATIONS.contains(cell) || !ModelConfig.GATE_ACTIVATIONS.contains(gate)) {
                throw unexpected(name, "activations " + activation + "/" + gate);
            }
            return new Architecture(timesteps, features, encoder, decoder, cell, gate, lstmNames, dense);
        }
    }

    private static InputFormatException unexpected(String name, String what) {
        return new InputFormatException(name
                + ": not an LSTM autoencoder of the study's shape (expected LSTM encoder -> "
                + "RepeatVector -> mirrored LSTM decoder -> TimeDistributed(Dense, linear); found " + what + ")");
    }

    private static INDArray weight(Hdf5Archive a, String layer, String param, String file) throws InputFormatException {
        for (String[] groups :
                new String[][] {{"model_weights", layer, layer}, {"model_weights", layer}, {layer, layer}, {layer}}) {
            try {
                if (a.getDataSets(groups).contains(param)) {
                    return a.readDataSet(param, groups).castTo(DataType.DOUBLE);
                }
            } catch (RuntimeException | UnsupportedKerasConfigurationException e) {
                // try the next layout
            }
        }
        throw new InputFormatException(file + ": no weight '" + param + "' for layer " + layer);
    }

    private static void setWeights(Hdf5Archive a, Architecture arch, MultiLayerNetwork net, String file)
            throws InputFormatException {
        int k = arch.encoder().size();
        for (int i = 0; i < arch.lstmNames().size(); i++) {
            String layer = arch.lstmNames().get(i);
            int netIndex = i < k ? i : i + 1; // RepeatVector sits between encoder and decoder
            INDArray w = weight(a, layer, "kernel:0", file);
            INDArray rw = weight(a, layer, "recurrent_kernel:0", file);
            INDArray b = weight(a, layer, "bias:0", file).reshape(1, -1);
            var l = net.getLayer(netIndex);
            checkShape(file, layer, "kernel", w, l.getParam("W"));
            checkShape(file, layer, "recurrent kernel", rw, l.getParam("RW"));
            checkShape(file, layer, "bias", b, l.getParam("b"));
            l.setParam("W", toDl4jGateOrder(w));
            l.setParam("RW", toDl4jGateOrder(rw));
            l.setParam("b", toDl4jGateOrder(b).reshape(l.getParam("b").shape()));
        }
        var out = net.getLayer(2 * k + 1);
        INDArray w = weight(a, arch.denseName(), "kernel:0", file);
        INDArray b = weight(a, arch.denseName(), "bias:0", file);
        checkShape(file, arch.denseName(), "kernel", w, out.getParam("W"));
        checkShape(file, arch.denseName(), "bias", b, out.getParam("b"));
        out.setParam("W", w);
        out.setParam("b", b.reshape(out.getParam("b").shape()));
    }

    private static void checkShape(String file, String layer, String what, INDArray keras, INDArray dl4j)
            throws InputFormatException {
        if (keras.length() != dl4j.length()) {
            throw new InputFormatException(file + ": layer " + layer + " has a " + what + " of shape "
                    + Arrays.toString(keras.shape()) + ", expected " + Arrays.toString(dl4j.shape()));
        }
    }

    /** Keras stores the four gate blocks as [input, forget, cell, output]; DL4J as [cell, forget, output, input]. */
    static INDArray toDl4jGateOrder(INDArray keras) {
        return GateOrder.toDl4j(keras);
    }
}
