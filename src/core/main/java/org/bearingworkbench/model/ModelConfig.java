package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the LSTM autoencoder and its training, with the study's defaults. The GUI form, the CLI flags and the
 * metadata saved in a model bundle all read this record. Invalid values are rejected with a message per field.
 *
 * @param layers        encoder layer sizes (the decoder mirrors them), e.g. 16,4
 * @param timesteps     window length in files (1 = each file on its own)
 * @param validationSplit share of the training windows held out for validation: the last ones, as Keras does
 */
public record ModelConfig(
        List<Integer> layers,
        String activation,
        String gateActivation,
        int timesteps,
        int epochs,
        int batchSize,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double validationSplit,
        long seed,
        double l2) {
    public static final List<String> ACTIVATIONS = LstmActivation.cellKeys();
    public static final List<String> GATE_ACTIVATIONS = LstmActivation.gateKeys();

    public ModelConfig {
        layers = List.copyOf(layers);
        List<Problem> problems = new Builder()
                .layers(layers)
                .activation(activation)
                .gateActivation(gateActivation)
                .timesteps(timesteps)
                .epochs(epochs)
                .batchSize(batchSize)
                .learningRate(learningRate)
                .adam(beta1, beta2, epsilon)
                .validationSplit(validationSplit)
                .l2(l2)
                .problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join("; ", problems.stream().map(Problem::toString).toList()));
        }
    }

    /**
     * The study's model: 16,4 relu, hard_sigmoid gates, 1 time step, 100 epochs, batch 10, Adam 0.001, 5%
     * validation, seed 10.
     */
    public static ModelConfig defaults() {
        return new ModelConfig(
                List.of(16, 4),
                LstmActivation.RELU.key(),
                LstmActivation.HARD_SIGMOID.key(),
                1,
                100,
                10,
                0.001,
                0.9,
                0.999,
                1e-7,
                0.05,
                10,
                0);
    }

    /** A builder from the study's defaults: name only the settings that differ. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.layers = layers;
        b.activation = activation;
        b.gateActivation = gateActivation;
        b.timesteps = timesteps;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.validationSplit = validationSplit;
        b.seed = seed;
        b.l2 = l2;
        return b;
    }

    /** Settings by name; {@link #build} validates them all at once, as the record does. */
    public static final class Builder {
        private List<Integer> layers;
        private String activation;
        private String gateActivation;
        private int timesteps;
        private int epochs;
        private int batchSize;
        private double learningRate;
        private double beta1;
        private double beta2;
        private double epsilon;
        private double validationSplit;
        private long seed;
        private double l2;

        private Builder() {}

        public Builder layers(List<Integer> v) {
            layers = v;
            return this;
        }

        public Builder activation(String v) {
            activation = v;
            return this;
        }

        public Builder gateActivation(String v) {
            gateActivation = v;
            return this;
        }

        public Builder timesteps(int v) {
            timesteps = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Adam's moment decays and epsilon. */
        public Builder adam(double b1, double b2, double eps) {
            beta1 = b1;
            beta2 = b2;
            epsilon = eps;
            return this;
        }

        public Builder validationSplit(double v) {
            validationSplit = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        /** Every problem with these values, one message per field (empty when valid). */
        public List<Problem> problems() {
            List<Problem> p = shapeProblems();
            p.addAll(trainingProblems());
            return p;
        }

        /** The network's shape and the training's length: layers, activations, time steps, epochs, batch size. */
        private List<Problem> shapeProblems() {
            List<Problem> p = new ArrayList<>();
            if (layers == null || layers.isEmpty() || layers.size() > 4) {
                p.add(new Problem(ConfigField.LAYERS, "give 1 to 4 encoder layer sizes, e.g. 16,4"));
            } else if (layers.stream().anyMatch(s -> s == null || s < 1 || s > 1024)) {
                p.add(new Problem(ConfigField.LAYERS, "each size must be between 1 and 1024 (got " + layers + ")"));
            }
            if (!ACTIVATIONS.contains(activation)) {
                p.add(new Problem(ConfigField.ACTIVATION, "one of " + ACTIVATIONS + " (got '" + activation + "')"));
            }
            if (!GATE_ACTIVATIONS.contains(gateActivation)) {
                p.add(new Problem(
                        ConfigField.GATE_ACTIVATION, "one of " + GATE_ACTIVATIONS + " (got '" + gateActivation + "')"));
            }
            if (timesteps < 1 || timesteps > 100) {
                p.add(new Problem(ConfigField.TIMESTEPS, "between 1 and 100 (got " + timesteps + ")"));
            }
            if (epochs < 1 || epochs > 100_000) {
                p.add(new Problem(ConfigField.EPOCHS, "between 1 and 100000 (got " + epochs + ")"));
            }
            if (batchSize < 1 || batchSize > 100_000) {
                p.add(new Problem(ConfigField.BATCH_SIZE, "between 1 and 100000 (got " + batchSize + ")"));
            }
            return p;
        }

        /** The optimiser's settings (learning rate, Adam's), the validation share and the weight penalty. */
        private List<Problem> trainingProblems() {
            List<Problem> p = new ArrayList<>();
            if (!(learningRate > 0 && learningRate <= 1)) {
                p.add(new Problem(
                        ConfigField.LEARNING_RATE, "greater than 0 and at most 1 (got " + learningRate + ")"));
            }
            if (!(beta1 >= 0 && beta1 < 1)) {
                p.add(new Problem(ConfigField.BETA1, "Adam's first-moment decay, in [0, 1) (got " + beta1 + ")"));
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                p.add(new Problem(ConfigField.BETA2, "Adam's second-moment decay, in [0, 1) (got " + beta2 + ")"));
            }
            if (!(epsilon > 0 && epsilon < 1)) {
                p.add(new Problem(
                        ConfigField.EPSILON, "Adam's epsilon, greater than 0 and less than 1 (got " + epsilon + ")"));
            }
            if (!(validationSplit >= 0 && validationSplit < 0.5)) {
                p.add(new Problem(ConfigField.VALIDATION_SPLIT, "in [0, 0.5) (got " + validationSplit + ")"));
            }
            if (!(l2 >= 0 && l2 < 1)) {
                p.add(new Problem(ConfigField.L2, "weight penalty in [0, 1) (got " + l2 + ")"));
            }
            return p;
        }

        /** The settings; an invalid one is refused with a message per field. */
        public ModelConfig build() {
            return new ModelConfig(
                    layers,
                    activation,
                    gateActivation,
                    timesteps,
                    epochs,
                    batchSize,
                    learningRate,
                    beta1,
                    beta2,
                    epsilon,
                    validationSplit,
                    seed,
                    l2);
        }
    }

    public ModelConfig withEpochs(int n) {
        return toBuilder().epochs(n).build();
    }

    public ModelConfig withTimesteps(int n) {
        return toBuilder().timesteps(n).build();
    }

    /** Flat key/value form, for bundle metadata and report headers. */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        m.put("layers", layers.toString().replaceAll("[\\[\\] ]", ""));
        m.put("activation", activation);
        m.put("gate_activation", gateActivation);
        m.put("timesteps", Integer.toString(timesteps));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("beta1", Double.toString(beta1));
        m.put("beta2", Double.toString(beta2));
        m.put("epsilon", Double.toString(epsilon));
        m.put("validation_split", Double.toString(validationSplit));
        m.put("seed", Long.toString(seed));
        m.put("l2", Double.toString(l2));
        return m;
    }

    public static ModelConfig fromMap(Map<String, String> m) {
        List<Integer> layers = new ArrayList<>();
        for (String s : m.get("layers").split(",")) {
            layers.add(Integer.parseInt(s.trim()));
        }
        return new ModelConfig(
                layers,
                m.get("activation"),
                m.get("gate_activation"),
                Integer.parseInt(m.get("timesteps")),
                Integer.parseInt(m.get("epochs")),
                Integer.parseInt(m.get("batch_size")),
                Double.parseDouble(m.get("learning_rate")),
                Double.parseDouble(m.get("beta1")),
                Double.parseDouble(m.get("beta2")),
                Double.parseDouble(m.get("epsilon")),
                Double.parseDouble(m.get("validation_split")),
                Long.parseLong(m.get("seed")),
                Double.parseDouble(m.get("l2")));
    }

    /** A short stable hash of the settings, for report headers. */
    public String hash() {
        return String.format(Locale.ROOT, "%08x", toMap().toString().hashCode());
    }
}
