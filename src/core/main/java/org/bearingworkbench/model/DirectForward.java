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
    /** One LSTM layer: W [nIn][4n] and RW [n][4n] row-major in flat arrays, b [4n]; DL4J's gate order. */
    private record Lstm(
            double[] w, double[] rw, double[] b, int inputs, int units, LstmActivation act, LstmActivation gate) {}

    private final List<Lstm> encoder = new ArrayList<>();
    private final List<Lstm> decoder = new ArrayList<>();
    private final double[] outW;
    private final double[] outB;
    private final int outInputs;
    private final int features;
    private final int timesteps;
    private final boolean floatInputs;
    private final int mostUnits;

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
        double[][] w = matrix(out.getParam("W"));
        outInputs = w.length;
        outW = flat(w);
        outB = matrix(out.getParam("b"))[0];
        int most = 1;
        for (Lstm l : encoder) {
            most = Math.max(most, l.units());
        }
        mostUnits = most; // the decoder mirrors the encoder's sizes
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
        return new Lstm(flat(w), flat(rw), b, w.length, units, act, gate);
    }

    private static double[][] matrix(INDArray a) {
        INDArray m = a.rank() == 1 ? a.reshape(1, a.length()) : a;
        return m.toDoubleMatrix();
    }

    private static double[] flat(double[][] m) {
        int cols = m[0].length;
        double[] f = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, f, r * cols, cols);
        }
        return f;
    }

    /** Buffers for one thread's windows, reused from window to window. */
    final class Scratch {
        private final double[] input = new double[timesteps * features];
        private final double[] z = new double[4 * mostUnits];
        private final double[] c = new double[mostUnits];
        private final double[][] out = new double[encoder.size() + decoder.size()][];
        private final double[] repeated =
                new double[timesteps * encoder.get(encoder.size() - 1).units()];

        Scratch() {
            int i = 0;
            for (Lstm l : encoder) {
                out[i++] = new double[timesteps * l.units()];
            }
            for (Lstm l : decoder) {
                out[i++] = new double[timesteps * l.units()];
            }
        }
    }

    /** Buffers for {@link #window(double[][], Scratch)}: one per thread. */
    Scratch scratch() {
        return new Scratch();
    }

    /**
     * The reconstruction of one window, {@code out[step][feature]}, of input {@code in[step][feature]} (scaled), with
     * the caller's buffers ({@link #scratch()}, one per thread).
     */
    double[][] window(double[][] in, Scratch s) {
        double[] x = s.input;
        for (int t = 0; t < timesteps; t++) {
            for (int c = 0; c < features; c++) {
                double v = in[t][c];
                x[t * features + c] = floatInputs ? (float) v : v;
            }
        }
        int width = features;
        int layer = 0;
        for (Lstm l : encoder) {
            run(l, x, s.out[layer], s);
            x = s.out[layer++];
            width = l.units();
        }
        double[] repeated = s.repeated;
        for (int t = 0; t < timesteps; t++) {
            System.arraycopy(x, (timesteps - 1) * width, repeated, t * width, width);
        }
        x = repeated;
        for (Lstm l : decoder) {
            run(l, x, s.out[layer], s);
            x = s.out[layer++];
        }
        double[][] y = new double[timesteps][features];
        for (int t = 0; t < timesteps; t++) {
            int at = t * outInputs;
            for (int o = 0; o < features; o++) {
                double sum = outB[o];
                for (int k = 0; k < outInputs; k++) {
                    sum += x[at + k] * outW[k * features + o];
                }
                y[t][o] = sum;
            }
        }
        return y;
    }

    /** One LSTM layer over the time steps: its output at each step into {@code out} ([step][unit]). */
    private void run(Lstm l, double[] x, double[] out, Scratch s) {
        int n = l.units();
        int g4 = 4 * n;
        int inputs = l.inputs();
        double[] w = l.w();
        double[] rw = l.rw();
        double[] z = s.z;
        double[] c = s.c;
        LstmActivation act = l.act();
        LstmActivation gate = l.gate();
        for (int t = 0; t < timesteps; t++) {
            System.arraycopy(l.b(), 0, z, 0, g4);
            int xAt = t * inputs;
            for (int k = 0; k < inputs; k++) {
                double v = x[xAt + k];
                if (v != 0) {
                    int row = k * g4;
                    for (int j = 0; j < g4; j++) {
                        z[j] += v * w[row + j];
                    }
                }
            }
            if (t > 0) {
                int hAt = (t - 1) * n;
                for (int k = 0; k < n; k++) {
                    double v = out[hAt + k];
                    if (v != 0) {
                        int row = k * g4;
                        for (int j = 0; j < g4; j++) {
                            z[j] += v * rw[row + j];
                        }
                    }
                }
            }
            int at = t * n;
            for (int j = 0; j < n; j++) {
                double blockInput = act.apply(z[j]);
                double forget = gate.apply(z[n + j]);
                double output = gate.apply(z[2 * n + j]);
                double inputGate = gate.apply(z[3 * n + j]);
                double state = (t > 0 ? forget * c[j] : 0) + inputGate * blockInput;
                c[j] = state;
                out[at + j] = output * act.apply(state);
            }
        }
    }
}
