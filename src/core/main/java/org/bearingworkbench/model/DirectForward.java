package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The autoencoder's forward pass in plain Java, for scoring a few rows at a time (the scoring service, live
 * streams): the network is a few hundred weights, and a call through DL4J costs ~2.5 ms of fixed overhead where this
 * takes microseconds. Computes what DL4J's LSTM computes (gate blocks in DL4J's order: block input, forget, output,
 * input gate; no peepholes), in double precision from the network's weights (a float32 network's inputs are rounded
 * to float first, as DL4J casts them). Agrees with {@link MultiLayerNetwork#output} to float rounding (~1e-7
 * relative for float32 networks; held to 1e-6 in tests); batch scoring stays on DL4J, the reference.
 *
 * <p>Immutable and safe to share between threads.
 */
final class DirectForward {
    private record Lstm(double[][] w, double[][] rw, double[] b, int units, LstmActivation act, LstmActivation gate) {}

    private final List<Lstm> encoder = new ArrayList<>();
    private final List<Lstm> decoder = new ArrayList<>();
    private final double[][] outW;
    private final double[] outB;
    private final int features;
    private final int timesteps;
    private final boolean floatInputs;

    DirectForward(MultiLayerNetwork net, ModelConfig config, int features, boolean floatInputs) {
        this.features = features;
        this.timesteps = config.timesteps();
        this.floatInputs = floatInputs;
        LstmActivation act = LstmActivation.parse(config.activation());
        LstmActivation gate = LstmActivation.parse(config.gateActivation());
        int n = config.layers().size();
        Layer[] layers = net.getLayers();
        if (layers.length != 2 * n + 2) {
            throw new IllegalArgumentException(
                    "not the autoencoder's layer stack: " + layers.length + " layers for " + n + " encoder layers");
        }
        for (int i = 0; i < n; i++) {
            encoder.add(lstm(layers[i], act, gate));
        }
        for (int i = n + 1; i < 2 * n + 1; i++) {
            decoder.add(lstm(layers[i], act, gate));
        }
        Layer out = layers[2 * n + 1];
        outW = matrix(out.getParam("W"));
        outB = matrix(out.getParam("b"))[0];
    }

    private static Lstm lstm(Layer l, LstmActivation act, LstmActivation gate) {
        double[][] w = matrix(l.getParam("W"));
        double[][] rw = matrix(l.getParam("RW"));
        double[] b = matrix(l.getParam("b"))[0];
        int units = rw.length;
        if (rw[0].length != 4 * units) {
            throw new IllegalArgumentException(
                    "an LSTM layer with peephole weights or an unknown layout: RW " + rw.length + "x" + rw[0].length);
        }
        return new Lstm(w, rw, b, units, act, gate);
    }

    private static double[][] matrix(INDArray a) {
        INDArray m = a.rank() == 1 ? a.reshape(1, a.length()) : a;
        return m.toDoubleMatrix();
    }

    /**
     * The reconstruction of one window, {@code out[step][feature]}, of input {@code in[step][feature]} (scaled).
     */
    double[][] window(double[][] in) {
        double[][] x = new double[timesteps][];
        for (int t = 0; t < timesteps; t++) {
            x[t] = in[t].clone();
            if (floatInputs) {
                for (int c = 0; c < features; c++) {
                    x[t][c] = (float) x[t][c];
                }
            }
        }
        for (int i = 0; i < encoder.size(); i++) {
            x = run(encoder.get(i), x);
        }
        double[] code = x[timesteps - 1];
        double[][] h = new double[timesteps][];
        for (int t = 0; t < timesteps; t++) {
            h[t] = code;
        }
        for (Lstm l : decoder) {
            h = run(l, h);
        }
        double[][] y = new double[timesteps][features];
        for (int t = 0; t < timesteps; t++) {
            for (int o = 0; o < features; o++) {
                double s = outB[o];
                for (int k = 0; k < h[t].length; k++) {
                    s += h[t][k] * outW[k][o];
                }
                y[t][o] = s;
            }
        }
        return y;
    }

    /** One LSTM layer over the time steps: its output at each step. */
    private static double[][] run(Lstm l, double[][] x) {
        int n = l.units();
        double[] h = new double[n];
        double[] c = new double[n];
        double[] z = new double[4 * n];
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            System.arraycopy(l.b(), 0, z, 0, 4 * n);
            for (int k = 0; k < x[t].length; k++) {
                double v = x[t][k];
                if (v != 0) {
                    double[] row = l.w()[k];
                    for (int j = 0; j < 4 * n; j++) {
                        z[j] += v * row[j];
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                double v = h[k];
                if (v != 0) {
                    double[] row = l.rw()[k];
                    for (int j = 0; j < 4 * n; j++) {
                        z[j] += v * row[j];
                    }
                }
            }
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                double blockInput = l.act().apply(z[j]);
                double forget = l.gate().apply(z[n + j]);
                double output = l.gate().apply(z[2 * n + j]);
                double inputGate = l.gate().apply(z[3 * n + j]);
                c[j] = forget * c[j] + inputGate * blockInput;
                next[j] = output * l.act().apply(c[j]);
            }
            h = next;
            out[t] = next;
        }
        return out;
    }
}
