package org.bearingworkbench.model;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The autoencoder of {@link NetworkFactory} trained in plain Java: forward pass, backpropagation through time and Adam
 * on double arrays, no native call per step. The study's network has ~3,200 weights and a batch of 10 one-step
 * windows, a few hundred thousand floating-point operations per step; ND4J's fixed cost per call (even fused: one per
 * layer and direction) is what training time was made of (docs/decisions/0019).
 *
 * <p>Same network, same math, same updater as DL4J's {@code MultiLayerNetwork.fit}, which stays the reference: the
 * parameters start as a copy of the DL4J network's (its initialisation), each LSTM layer computes what DL4J's LSTM
 * computes (gate blocks in DL4J's order: block input, forget, output, input gate; no peepholes), the loss is DL4J's
 * MAE (mean over features, summed over time, divided by the batch), the gradient is divided by the batch and L2 is
 * added to weights (not biases), and the step is ND4J's Adam. Computed in double precision: against a float64 DL4J
 * network the gradient agrees within 1e-10 and 30 Adam steps within 1e-9 (DirectTrainingStepsTest); a float32
 * network's training follows to float rounding. Closing writes the trained parameters into the network (in its
 * precision), which scores and is saved as before. Not thread-safe; one instance per training run.
 */
final class DirectTrainingSteps implements TrainingSteps {
    /** ND4J's hard sigmoid derivative is 0.2f inside (-2.5, 2.5). */
    private static final double HARD_SIGMOID_SLOPE = 0.2f;

    private final MultiLayerNetwork network;
    private final ModelConfig config;
    private final int features;
    private final int timesteps;
    /** A float32 network sees its inputs rounded to float (DL4J casts them). */
    private final boolean floatInputs;

    private final LstmActivation act;
    private final LstmActivation gate;
    private final int[] nIn;
    private final int[] nOut;
    /** Offsets of each LSTM layer's W [nIn][4n], RW [n][4n] and b [4n] in the flat arrays, then the output's. */
    private final int[] wAt;

    private final int[] rwAt;
    private final int[] bAt;
    private final int outWAt;
    private final int outBAt;
    private final int last;
    private final double[] params;
    private final double[] gradient;
    private final double[] m;
    private final double[] v;
    private final double[] kept;
    private int iteration;
    private Cache cache;

    DirectTrainingSteps(MultiLayerNetwork net, ModelConfig config, int features) {
        this.network = net;
        this.config = config;
        this.features = features;
        this.timesteps = config.timesteps();
        this.floatInputs = net.params().dataType() != DataType.DOUBLE;
        this.act = LstmActivation.parse(config.activation());
        this.gate = LstmActivation.parse(config.gateActivation());
        LstmStack stack = LstmStack.of(config, features);
        int k = config.layers().size();
        nIn = stack.nIn();
        nOut = stack.nOut();
        last = stack.last();
        wAt = new int[2 * k];
        rwAt = new int[2 * k];
        bAt = new int[2 * k];
        int offset = 0;
        for (int l = 0; l < 2 * k; l++) {
            int gates = 4 * nOut[l];
            wAt[l] = offset;
            offset += nIn[l] * gates;
            rwAt[l] = offset;
            offset += nOut[l] * gates;
            bAt[l] = offset;
            offset += gates;
        }
        outWAt = offset;
        offset += last * features;
        outBAt = offset;
        offset += features;
        if (offset != net.numParams()) {
            throw new IllegalArgumentException(
                    "network has " + net.numParams() + " parameters, the config implies " + offset);
        }
        params = new double[offset];
        gradient = new double[offset];
        m = new double[offset];
        v = new double[offset];
        for (int l = 0; l < 2 * k; l++) {
            int index = layerIndex(l);
            read(net.getParam(index + "_W"), wAt[l]);
            read(net.getParam(index + "_RW"), rwAt[l]);
            read(net.getParam(index + "_b"), bAt[l]);
        }
        read(net.getParam((2 * k + 1) + "_W"), outWAt);
        read(net.getParam((2 * k + 1) + "_b"), outBAt);
        kept = params.clone();
    }

    /** The DL4J layer index of LSTM layer l: the RepeatVector sits between encoder and decoder. */
    private int layerIndex(int l) {
        return l < nIn.length / 2 ? l : l + 1;
    }

    private void read(INDArray a, int at) {
        double[] values = a.dup('c').data().asDouble();
        System.arraycopy(values, 0, params, at, values.length);
    }

    @Override
    public double fit(double[][] scaled, int[] starts) {
        double score = computeGradient(scaled, starts);
        adamStep();
        return score;
    }

    /** Fills the gradient for the windows starting at {@code starts} (as DL4J hands it to the updater). */
    double computeGradient(double[][] scaled, int[] starts) {
        int batch = starts.length;
        Cache c = cache(batch);
        c.load(scaled, starts);
        forward(c, batch);
        Arrays.fill(gradient, 0);
        double score = outputLossAndBackward(c, batch);
        int layers = nIn.length;
        int k = layers / 2;
        for (int l = layers - 1; l >= k; l--) {
            if (l < layers - 1) {
                System.arraycopy(c.dx[l + 1], 0, c.dh[l], 0, batch * timesteps * nOut[l]);
            }
            lstmBackward(c, l, batch);
        }
        // RepeatVector: the code's gradient is the sum over the decoder's first layer's steps
        double[] dCode = c.dh[k - 1];
        int code = nOut[k - 1];
        Arrays.fill(dCode, 0, batch * timesteps * code, 0);
        double[] dRepeated = c.dx[k];
        for (int b = 0; b < batch; b++) {
            int lastStep = (b * timesteps + timesteps - 1) * code;
            for (int t = 0; t < timesteps; t++) {
                int from = (b * timesteps + t) * code;
                for (int j = 0; j < code; j++) {
                    dCode[lastStep + j] += dRepeated[from + j];
                }
            }
        }
        for (int l = k - 1; l >= 0; l--) {
            if (l < k - 1) {
                System.arraycopy(c.dx[l + 1], 0, c.dh[l], 0, batch * timesteps * nOut[l]);
            }
            lstmBackward(c, l, batch);
        }
        if (config.l2() > 0) {
            score += l2();
        }
        return score;
    }

    /** DL4J's L2 on weights (not biases): l2 * w into the gradient, 0.5 * l2 * |w|^2 returned for the score. */
    private double l2() {
        double squares = 0;
        double l2 = config.l2();
        for (int l = 0; l < nIn.length; l++) {
            squares += l2Range(wAt[l], bAt[l], l2); // W and RW lie next to each other
        }
        squares += l2Range(outWAt, outBAt, l2);
        return 0.5 * l2 * squares;
    }

    private double l2Range(int from, int to, double l2) {
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += params[i] * params[i];
            gradient[i] += l2 * params[i];
        }
        return squares;
    }

    /** ND4J's Adam (adam_updater): bias correction folded into the step size, epsilon outside the square root. */
    private void adamStep() {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double epsilon = config.epsilon();
        double beta1t = Math.pow(beta1, iteration + 1);
        double beta2t = Math.pow(beta2, iteration + 1);
        double step = config.learningRate() * Math.sqrt(1 - beta2t) / (1 - beta1t);
        if (Double.isNaN(step) || Double.isInfinite(step) || step == 0) {
            step = epsilon;
        }
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + g * (1 - beta1);
            v[i] = beta2 * v[i] + g * g * (1 - beta2);
            params[i] -= step * m[i] / (Math.sqrt(v[i]) + epsilon);
        }
        iteration++;
    }

    @Override
    public double validationLoss(double[][] scaled, int from, int to) {
        int batchSize = Math.max(1, config.batchSize());
        double sum = 0;
        for (int s = from; s < to; s += batchSize) {
            int batch = Math.min(batchSize, to - s);
            int[] starts = new int[batch];
            for (int i = 0; i < batch; i++) {
                starts[i] = s + i;
            }
            Cache c = cache(batch);
            c.load(scaled, starts);
            forward(c, batch);
            sum += absoluteError(c, batch);
        }
        return sum / ((double) (to - from) * timesteps * features);
    }

    private Cache cache(int batch) {
        if (cache == null || cache.batch < batch) {
            cache = new Cache(batch);
        }
        return cache;
    }

    private void forward(Cache c, int batch) {
        int layers = nIn.length;
        int k = layers / 2;
        for (int l = 0; l < layers; l++) {
            if (l == k) {
                repeatCode(c, batch);
            } else if (l > 0) {
                c.x[l] = c.h[l - 1];
            }
            lstmForward(c, l, batch);
        }
        double[] h = c.h[layers - 1];
        for (int r = 0; r < batch * timesteps; r++) {
            for (int o = 0; o < features; o++) {
                double s = params[outBAt + o];
                for (int j = 0; j < last; j++) {
                    s += h[r * last + j] * params[outWAt + j * features + o];
                }
                c.y[r * features + o] = s;
            }
        }
    }

    /** RepeatVector: the encoder's last step, as input at every step of the decoder's first layer. */
    private void repeatCode(Cache c, int batch) {
        int k = nIn.length / 2;
        int code = nOut[k - 1];
        double[] h = c.h[k - 1];
        double[] x = c.repeated;
        for (int b = 0; b < batch; b++) {
            int lastStep = (b * timesteps + timesteps - 1) * code;
            for (int t = 0; t < timesteps; t++) {
                System.arraycopy(h, lastStep, x, (b * timesteps + t) * code, code);
            }
        }
        c.x[k] = x;
    }

    /** LSTM layer l over every window and step: fills its pre-activations, gates, cell states and outputs. */
    private void lstmForward(Cache c, int l, int batch) {
        int n = nOut[l];
        int in = nIn[l];
        int g4 = 4 * n;
        double[] x = c.x[l];
        double[] z = c.z[l];
        double[] a = c.a[l];
        double[] cell = c.c[l];
        double[] h = c.h[l];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < timesteps; t++) {
                int row = b * timesteps + t;
                int zAt = row * g4;
                System.arraycopy(params, bAt[l], z, zAt, g4);
                matVecAdd(x, row * in, in, params, wAt[l], z, zAt, g4);
                if (t > 0) {
                    matVecAdd(h, (row - 1) * n, n, params, rwAt[l], z, zAt, g4);
                }
                for (int j = 0; j < n; j++) {
                    double blockInput = act.apply(z[zAt + j]);
                    double forget = gate.apply(z[zAt + n + j]);
                    double output = gate.apply(z[zAt + 2 * n + j]);
                    double inputGate = gate.apply(z[zAt + 3 * n + j]);
                    a[zAt + j] = blockInput;
                    a[zAt + n + j] = forget;
                    a[zAt + 2 * n + j] = output;
                    a[zAt + 3 * n + j] = inputGate;
                    double previous = t > 0 ? cell[(row - 1) * n + j] : 0;
                    double state = forget * previous + inputGate * blockInput;
                    cell[row * n + j] = state;
                    h[row * n + j] = output * act.apply(state);
                }
            }
        }
    }

    /** {@code z[zAt..] += vector[vAt..vAt+len] * matrix} for a row-major matrix of {@code width} columns. */
    private static void matVecAdd(
            double[] vector, int vAt, int len, double[] matrix, int mAt, double[] z, int zAt, int width) {
        for (int k = 0; k < len; k++) {
            double value = vector[vAt + k];
            if (value != 0) {
                int rowAt = mAt + k * width;
                for (int j = 0; j < width; j++) {
                    z[zAt + j] += value * matrix[rowAt + j];
                }
            }
        }
    }

    /** The batch's MAE score; fills the output layer's gradient and the top LSTM layer's dL/dh. */
    private double outputLossAndBackward(Cache c, int batch) {
        int layers = nIn.length;
        double[] h = c.h[layers - 1];
        double[] dh = c.dh[layers - 1];
        Arrays.fill(dh, 0, batch * timesteps * last, 0);
        double scale = 1.0 / features / batch;
        double score = 0;
        for (int r = 0; r < batch * timesteps; r++) {
            for (int o = 0; o < features; o++) {
                double diff = c.y[r * features + o] - c.target[r * features + o];
                score += Math.abs(diff);
                double dy = Math.signum(diff) * scale;
                if (dy == 0) {
                    continue;
                }
                gradient[outBAt + o] += dy;
                for (int j = 0; j < last; j++) {
                    gradient[outWAt + j * features + o] += h[r * last + j] * dy;
                    dh[r * last + j] += dy * params[outWAt + j * features + o];
                }
            }
        }
        return score * scale;
    }

    private double absoluteError(Cache c, int batch) {
        double sum = 0;
        for (int i = 0; i < batch * timesteps * features; i++) {
            sum += Math.abs(c.y[i] - c.target[i]);
        }
        return sum;
    }

    /**
     * Backpropagation through time for LSTM layer l, from dL/dh of its outputs ({@code c.dh[l]}): accumulates its
     * weight gradients and writes dL/dx of its inputs into {@code c.dx[l]}. The encoder's last layer passes on only
     * its last step, so dL/dh is zero at its other steps.
     */
    private void lstmBackward(Cache c, int l, int batch) {
        int n = nOut[l];
        int in = nIn[l];
        int g4 = 4 * n;
        double[] x = c.x[l];
        double[] z = c.z[l];
        double[] a = c.a[l];
        double[] cell = c.c[l];
        double[] h = c.h[l];
        double[] dhIn = c.dh[l];
        double[] dx = c.dx[l];
        double[] dz = c.dz;
        double[] dhNext = c.dhNext;
        double[] dcNext = c.dcNext;
        for (int b = 0; b < batch; b++) {
            Arrays.fill(dhNext, 0, n, 0);
            Arrays.fill(dcNext, 0, n, 0);
            for (int t = timesteps - 1; t >= 0; t--) {
                int row = b * timesteps + t;
                int zAt = row * g4;
                for (int j = 0; j < n; j++) {
                    double dh = dhIn[row * n + j] + dhNext[j];
                    double state = cell[row * n + j];
                    double blockInput = a[zAt + j];
                    double forget = a[zAt + n + j];
                    double output = a[zAt + 2 * n + j];
                    double inputGate = a[zAt + 3 * n + j];
                    double dc = dh * output * derivative(act, state) + dcNext[j];
                    double previous = t > 0 ? cell[(row - 1) * n + j] : 0;
                    dz[j] = dc * inputGate * derivative(act, z[zAt + j]);
                    dz[n + j] = dc * previous * derivative(gate, z[zAt + n + j]);
                    dz[2 * n + j] = dh * act.apply(state) * derivative(gate, z[zAt + 2 * n + j]);
                    dz[3 * n + j] = dc * blockInput * derivative(gate, z[zAt + 3 * n + j]);
                    dcNext[j] = dc * forget;
                }
                for (int j = 0; j < g4; j++) {
                    gradient[bAt[l] + j] += dz[j];
                }
                outerAdd(x, row * in, in, dz, g4, wAt[l]);
                if (t > 0) {
                    outerAdd(h, (row - 1) * n, n, dz, g4, rwAt[l]);
                }
                matTransposeVec(params, wAt[l], in, g4, dz, dx, row * in);
                matTransposeVec(params, rwAt[l], n, g4, dz, dhNext, 0);
            }
        }
    }

    /** {@code gradient[at + k*width + j] += vector[vAt + k] * dz[j]}. */
    private void outerAdd(double[] vector, int vAt, int len, double[] dz, int width, int at) {
        for (int k = 0; k < len; k++) {
            double value = vector[vAt + k];
            if (value != 0) {
                int rowAt = at + k * width;
                for (int j = 0; j < width; j++) {
                    gradient[rowAt + j] += value * dz[j];
                }
            }
        }
    }

    /** {@code out[outAt + k] = sum_j matrix[mAt + k*width + j] * dz[j]} for k below {@code rows}. */
    private static void matTransposeVec(
            double[] matrix, int mAt, int rows, int width, double[] dz, double[] out, int outAt) {
        for (int k = 0; k < rows; k++) {
            int rowAt = mAt + k * width;
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += matrix[rowAt + j] * dz[j];
            }
            out[outAt + k] = s;
        }
    }

    /** The derivative of an activation at its input {@code x}, as ND4J computes it. */
    private static double derivative(LstmActivation f, double x) {
        return switch (f) {
            case HARD_SIGMOID -> x < -2.5 || x > 2.5 ? 0.0 : HARD_SIGMOID_SLOPE;
            case RELU -> x > 0 ? 1.0 : 0.0;
            case TANH -> {
                double y = Math.tanh(x);
                yield 1 - y * y;
            }
            case SIGMOID -> {
                double y = 1.0 / (1.0 + Math.exp(-x));
                yield y * (1 - y);
            }
            case IDENTITY -> 1.0;
        };
    }

    /** Never: plain Java leaves no native garbage. */
    @Override
    public int batchesPerGc() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void keep() {
        System.arraycopy(params, 0, kept, 0, params.length);
    }

    @Override
    public void restoreKept() {
        System.arraycopy(kept, 0, params, 0, params.length);
    }

    /** Writes the current parameters into {@code net}, in its precision. */
    void copyTo(MultiLayerNetwork net) {
        write(net, params);
    }

    /** Writes the gradient of the last step into {@code net}'s parameters (for checks against DL4J). */
    void copyGradientTo(MultiLayerNetwork net) {
        write(net, gradient);
    }

    private void write(MultiLayerNetwork net, double[] values) {
        int layers = nIn.length;
        for (int l = 0; l < layers; l++) {
            int index = layerIndex(l);
            set(net, index + "_W", values, wAt[l]);
            set(net, index + "_RW", values, rwAt[l]);
            set(net, index + "_b", values, bAt[l]);
        }
        set(net, (layers + 1) + "_W", values, outWAt);
        set(net, (layers + 1) + "_b", values, outBAt);
    }

    private static void set(MultiLayerNetwork net, String name, double[] values, int at) {
        INDArray current = net.getParam(name);
        double[] part = Arrays.copyOfRange(values, at, at + (int) current.length());
        INDArray next = Nd4j.create(part, current.shape(), 'c').castTo(current.dataType());
        net.setParam(name, next);
    }

    @Override
    public void close() {
        copyTo(network);
    }

    /** Every layer's activations for a batch of windows, rows ordered (window, step); reused between steps. */
    private final class Cache {
        final int batch;
        final double[] target;
        final double[] y;
        final double[] repeated;
        final double[][] x;
        final double[][] z;
        final double[][] a;
        final double[][] c;
        final double[][] h;
        final double[][] dh;
        final double[][] dx;
        final double[] dz;
        final double[] dhNext;
        final double[] dcNext;

        Cache(int batch) {
            this.batch = batch;
            int rows = batch * timesteps;
            int layers = nIn.length;
            target = new double[rows * features];
            y = new double[rows * features];
            repeated = new double[rows * nOut[layers / 2 - 1]];
            x = new double[layers][];
            z = new double[layers][];
            a = new double[layers][];
            c = new double[layers][];
            h = new double[layers][];
            dh = new double[layers][];
            dx = new double[layers][];
            int widest = 0;
            for (int l = 0; l < layers; l++) {
                z[l] = new double[rows * 4 * nOut[l]];
                a[l] = new double[rows * 4 * nOut[l]];
                c[l] = new double[rows * nOut[l]];
                h[l] = new double[rows * nOut[l]];
                dh[l] = new double[rows * nOut[l]];
                dx[l] = new double[rows * nIn[l]];
                widest = Math.max(widest, nOut[l]);
            }
            x[0] = target;
            dz = new double[4 * widest];
            dhNext = new double[widest];
            dcNext = new double[widest];
        }

        /** The windows starting at {@code starts}, rows ordered (window, step), as input and target. */
        void load(double[][] scaled, int[] starts) {
            for (int b = 0; b < starts.length; b++) {
                for (int t = 0; t < timesteps; t++) {
                    int row = b * timesteps + t;
                    for (int f = 0; f < features; f++) {
                        double value = scaled[f][starts[b] + t];
                        target[row * features + f] = floatInputs ? (float) value : value;
                    }
                }
            }
        }
    }
}
