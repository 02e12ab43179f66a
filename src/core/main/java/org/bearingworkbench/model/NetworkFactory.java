package org.bearingworkbench.model;

import java.util.List;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the study's LSTM autoencoder as a DL4J network: LSTM encoder layers (the last returns its final step),
 * RepeatVector(timesteps), mirrored LSTM decoder layers, and a linear time-distributed output trained with MAE.
 * Layout is DL4J's [batch, features, time].
 */
public final class NetworkFactory {
    private NetworkFactory() {}

    /** A network computing in float32 (the fast default for training). */
    public static MultiLayerNetwork build(ModelConfig config, int features) {
        return build(config, features, DataType.FLOAT);
    }

    /**
     * A network computing in the given precision (imported models use float64 to reproduce their reference
     * outputs).
     */
    public static MultiLayerNetwork build(ModelConfig config, int features, DataType dataType) {
        Activation act = LstmActivation.parse(config.activation()).dl4j();
        Activation gate = LstmActivation.parse(config.gateActivation()).dl4j();
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(dataType)
                .updater(new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .l2(config.l2())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        List<Integer> enc = config.layers();
        int nIn = features;
        for (int i = 0; i < enc.size(); i++) {
            LSTM lstm = lstm(nIn, enc.get(i), act, gate);
            b.layer(i == enc.size() - 1 ? new LastTimeStep(lstm) : lstm);
            nIn = enc.get(i);
        }
        b.layer(new RepeatVector.Builder(config.timesteps())
                .dataFormat(RNNFormat.NCW)
                .build());
        for (int i = enc.size() - 1; i >= 0; i--) {
            b.layer(lstm(nIn, enc.get(i), act, gate));
            nIn = enc.get(i);
        }
        b.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR)
                .activation(Activation.IDENTITY)
                .nIn(nIn)
                .nOut(features)
                .dataFormat(RNNFormat.NCW)
                .build());
        b.backpropType(BackpropType.Standard);
        b.setInputType(InputType.recurrent(features, config.timesteps(), RNNFormat.NCW));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    private static LSTM lstm(int nIn, int nOut, Activation act, Activation gate) {
        return new LSTM.Builder()
                .nIn(nIn)
                .nOut(nOut)
                .activation(act)
                .gateActivationFunction(gate)
                .forgetGateBiasInit(1.0)
                .dataFormat(RNNFormat.NCW)
                .build();
    }
}
