package org.bearingworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.model.ModelConfig;
import picocli.CommandLine.Option;

/** The model settings as CLI flags; defaults are the study's ({@link ModelConfig#defaults()}). */
final class ModelOptions {
    private static final ModelConfig D = ModelConfig.defaults();

    @Option(names = "--layers", split = ",", description = "encoder layer sizes, decoder mirrors them (default 16,4)")
    List<Integer> layers = new ArrayList<>(D.layers());

    @Option(
            names = "--activation",
            description =
                    "LSTM cell and output activation: relu, tanh, sigmoid, identity " + "(default ${DEFAULT-VALUE})")
    String activation = D.activation();

    @Option(
            names = "--gate-activation",
            description = "LSTM gate activation: hard_sigmoid, sigmoid (default " + "${DEFAULT-VALUE})")
    String gateActivation = D.gateActivation();

    @Option(names = "--timesteps", description = "window length in files (default ${DEFAULT-VALUE})")
    int timesteps = D.timesteps();

    @Option(names = "--epochs", description = "training epochs (default ${DEFAULT-VALUE})")
    int epochs = D.epochs();

    @Option(names = "--batch", description = "batch size (default ${DEFAULT-VALUE})")
    int batch = D.batchSize();

    @Option(names = "--lr", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double lr = D.learningRate();

    @Option(names = "--beta1", description = "Adam first-moment decay (default ${DEFAULT-VALUE})")
    double beta1 = D.beta1();

    @Option(names = "--beta2", description = "Adam second-moment decay (default ${DEFAULT-VALUE})")
    double beta2 = D.beta2();

    @Option(names = "--epsilon", description = "Adam epsilon (default ${DEFAULT-VALUE})")
    double epsilon = D.epsilon();

    @Option(
            names = "--val-split",
            description = "share of training rows (the last ones) for validation (default ${DEFAULT-VALUE})")
    double valSplit = D.validationSplit();

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = D.seed();

    @Option(names = "--l2", description = "L2 weight penalty (default ${DEFAULT-VALUE})")
    double l2 = D.l2();

    ModelConfig toConfig() {
        return ModelConfig.builder()
                .layers(layers)
                .activation(activation)
                .gateActivation(gateActivation)
                .timesteps(timesteps)
                .epochs(epochs)
                .batchSize(batch)
                .learningRate(lr)
                .adam(beta1, beta2, epsilon)
                .validationSplit(valSplit)
                .seed(seed)
                .l2(l2)
                .build();
    }
}
