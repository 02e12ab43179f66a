package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The autoencoder of {@link NetworkFactory} trained on ND4J's fused native LSTM ops ({@code lstmLayer} and
 * {@code lstmLayer_bp}, one native call per layer and direction) instead of DL4J's layer-by-layer Java path, which
 * issues a few hundred tiny native ops per batch (docs/decisions/0006).
 *
 * <p>Same network, same math, same updater: the parameters start as a copy of the DL4J network's (its initialisation),
 * the loss is DL4J's MAE (mean over features, summed over time, divided by the batch size), the gradient is divided
 * by the batch size and L2 is added to weights as DL4J does, and the step is DL4J's own Adam {@link GradientUpdater}.
 * {@link #copyTo} writes the trained parameters back into the DL4J network, which scores and is saved as before.
 *
 * <p>Parameters live in one flat array in lstmLayer's layout: per LSTM layer Wx [nIn, 4n], Wr [n, 4n], b [4n] with
 * gate blocks in lstmLayer's order (input, forget, cell, output; DL4J orders them cell, forget, output, input), then
 * the output layer's W [n, features] and b [features]. Not thread-safe; one instance per training run.
 */
final class FusedTrainingSteps implements TrainingSteps {
    /** lstmLayer's data format 2: [batch, features, time], DL4J's recurrent layout. */
    private static final int DATA_FORMAT_NST = 2;
    /** lstmLayer's direction 0: forward only. */
    private static final int DIRECTION_FORWARD = 0;

    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    private static final String WORKSPACE_ID = "BW_FUSED_STEP";

    private final ModelConfig config;
    private final int features;
    private final int timesteps;
    private final DataType dataType;
    private final int[] nIn;
    private final int[] nOut;
    private final INDArray params;
    private final INDArray gradient;
    private final Slots p;
    private final Slots g;
    private final INDArray updaterState;
    private final GradientUpdater<?> updater;
    private final int[] lstmIntArgs;
    private final Double[] lstmFloatArgs;
    private final MultiLayerNetwork network;
    private INDArray kept;
    private int iteration;

    /** A fused trainer starting from the network's current parameters. */
    FusedTrainingSteps(MultiLayerNetwork net, ModelConfig config, int features) {
        this.config = config;
        this.features = features;
        this.timesteps = config.timesteps();
        this.dataType = net.params().dataType();
        LstmStack stack = LstmStack.of(config, features);
        int k = config.layers().size();
        nIn = stack.nIn();
        nOut = stack.nOut();
        int in = stack.last();
        long size = 0;
        for (int l = 0; l < 2 * k; l++) {
            size += (long) (nIn[l] + nOut[l] + 1) * 4 * nOut[l];
        }
        size += (long) (in + 1) * features;
        if (size != net.numParams()) {
            throw new IllegalArgumentException(
                    "network has " + net.numParams() + " parameters, the config implies " + size);
        }
        params = Nd4j.create(dataType, size);
        gradient = Nd4j.create(dataType, size);
        p = new Slots(params, nIn, nOut, in, features);
        g = new Slots(gradient, nIn, nOut, in, features);
        transfer(net, p, true);
        Adam adam = new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
        updaterState = Nd4j.create(dataType, 1, adam.stateSize(size));
        updater = adam.instantiate(updaterState, true);
        lstmIntArgs = new int[] {
            DATA_FORMAT_NST,
            DIRECTION_FORWARD,
            activationCode(config.gateActivation()), // gates
            activationCode(config.activation()), // cell input
            activationCode(config.activation()) // output
        };
        lstmFloatArgs = floatArgs(config);
        network = net;
        kept = params.dup();
    }

    /** Whether the fused ops compute this config (every config {@link ModelConfig} accepts, today). */
    static boolean supports(ModelConfig config) {
        return activationCode(config.activation()) >= 0 && activationCode(config.gateActivation()) >= 0;
    }

    /**
     * One Adam step on a batch {@code x} of windows [batch, features, time]; returns DL4J's score of the batch
     * before the step (mean absolute error per feature, summed over time steps, plus the L2 penalty).
     */
    @Override
    public double fit(double[][] scaled, int[] starts) {
        return fit(Windows.of(scaled, starts, timesteps, dataType));
    }

    double fit(INDArray x) {
        try (MemoryWorkspace ignored =
                Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, WORKSPACE_ID)) {
            double score = backprop(x);
            updater.applyUpdater(gradient, iteration++, 0); // Adam's schedule depends on the iteration only
            params.subi(gradient);
            return score;
        }
    }

    /** Fills the gradient for batch {@code x} (as DL4J hands it to the updater) and returns the batch's score. */
    double computeGradient(INDArray x) {
        try (MemoryWorkspace ignored =
                Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, WORKSPACE_ID)) {
            return backprop(x);
        }
    }

    private double backprop(INDArray x) {
        int batch = (int) x.size(0);
        int layers = nIn.length;
        int k = layers / 2;
        INDArray[] inputs = new INDArray[layers];
        INDArray h = forward(x, inputs);
        INDArray h2 = toRows(h, batch);
        INDArray dy = h2.mmul(p.wOut).addiRowVector(p.bOut).subi(toRows(x, batch));
        double score = Transforms.abs(dy, true).sumNumber().doubleValue() / features / batch;
        Transforms.sign(dy, false).muli(1.0 / features / batch);
        Nd4j.gemm(h2, dy, g.wOut, true, false, 1.0, 0.0);
        dy.sum(g.bOut, 0);
        INDArray dh = fromRows(dy.mmul(p.wOut.transpose()), batch);
        for (int l = layers - 1; l >= k; l--) {
            dh = lstmBackward(inputs[l], l, dh, true);
        }
        dh = timesteps == 1 ? dh.reshape(batch, nOut[k - 1]) : dh.sum(2);
        for (int l = k - 1; l >= 0; l--) {
            dh = lstmBackward(inputs[l], l, dh, l < k - 1);
        }
        if (config.l2() > 0) {
            // DL4J's L2 on weights (not biases): 0.5 * l2 * |w|^2 in the score, l2 * w in the gradient
            double squares = 0;
            for (INDArray[] pair : weightPairs()) {
                double norm = pair[0].norm2Number().doubleValue();
                squares += norm * norm;
                pair[1].addi(pair[0].mul(config.l2()));
            }
            score += 0.5 * config.l2() * squares;
        }
        return score;
    }

    /** The decoder's output sequence for windows x; {@code inputs[l]} receives LSTM layer l's input. */
    private INDArray forward(INDArray x, INDArray[] inputs) {
        int layers = nIn.length;
        int k = layers / 2;
        INDArray h = x;
        for (int l = 0; l < k; l++) {
            inputs[l] = h;
            h = lstm(h, l, l < k - 1);
        }
        h = repeat(h, (int) x.size(0));
        for (int l = k; l < layers; l++) {
            inputs[l] = h;
            h = lstm(h, l, true);
        }
        return h;
    }

    /** Each weight array (not biases) with its gradient view. */
    private List<INDArray[]> weightPairs() {
        List<INDArray[]> pairs = new ArrayList<>();
        for (int l = 0; l < nIn.length; l++) {
            pairs.add(new INDArray[] {p.wx[l], g.wx[l]});
            pairs.add(new INDArray[] {p.wr[l], g.wr[l]});
        }
        pairs.add(new INDArray[] {p.wOut, g.wOut});
        return pairs;
    }

    @Override
    public double validationLoss(double[][] scaled, int from, int to) {
        return validationLoss(Windows.range(scaled, from, to, timesteps, dataType));
    }

    double validationLoss(INDArray x) {
        try (MemoryWorkspace ignored =
                Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, WORKSPACE_ID)) {
            int batch = (int) x.size(0);
            INDArray h = forward(x, new INDArray[nIn.length]);
            INDArray diff = toRows(h, batch).mmul(p.wOut).addiRowVector(p.bOut).subi(toRows(x, batch));
            return Transforms.abs(diff, false).meanNumber().doubleValue();
        }
    }

    /**
     * A batch leaves ~0.1 MB of native garbage (op contexts, workspace array handles, the batch itself) and a full GC
     * costs ~10 ms here: every 200 batches keeps RSS near 300 MB for ~2% of training time (every 50: ~15%).
     */
    @Override
    public int batchesPerGc() {
        return 200;
    }

    @Override
    public void keep() {
        kept.assign(params);
    }

    @Override
    public void restoreKept() {
        params.assign(kept);
    }

    /** Writes the current parameters into {@code net} (DL4J's layout and gate order). */
    void copyTo(MultiLayerNetwork net) {
        transfer(net, p, false);
    }

    /** Writes the gradient of the last {@link #fit} into {@code net}'s parameters (for checks against DL4J). */
    void copyGradientTo(MultiLayerNetwork net) {
        transfer(net, g, false);
    }

    private void transfer(MultiLayerNetwork net, Slots s, boolean fromNet) {
        int layers = nIn.length;
        int k = layers / 2;
        for (int l = 0; l < layers; l++) {
            int index = l < k ? l : l + 1; // the RepeatVector sits between encoder and decoder
            INDArray nw = net.getParam(index + "_W");
            INDArray nrw = net.getParam(index + "_RW");
            INDArray nb = net.getParam(index + "_b").dup().reshape(4L * nOut[l]);
            int n = nOut[l];
            for (int block = 0; block < 4; block++) {
                var ours = NDArrayIndex.interval((long) block * n, (long) (block + 1) * n);
                var theirs = NDArrayIndex.interval(
                        (long) GateOrder.DL4J_POSITION[block] * n, (long) (GateOrder.DL4J_POSITION[block] + 1) * n);
                copy(s.wx[l].get(NDArrayIndex.all(), ours), nw.get(NDArrayIndex.all(), theirs), fromNet);
                copy(s.wr[l].get(NDArrayIndex.all(), ours), nrw.get(NDArrayIndex.all(), theirs), fromNet);
                copy(s.b[l].get(ours), nb.get(theirs), fromNet);
            }
            if (!fromNet) {
                net.setParam(index + "_b", nb.reshape(1, 4L * n));
            }
        }
        int out = layers + 1;
        copy(s.wOut, net.getParam(out + "_W"), fromNet);
        if (fromNet) {
            s.bOut.assign(net.getParam(out + "_b").reshape(features));
        } else {
            net.setParam(out + "_b", s.bOut.reshape(1, features).dup());
        }
    }

    private static void copy(INDArray ours, INDArray theirs, boolean fromNet) {
        if (fromNet) {
            ours.assign(theirs);
        } else {
            theirs.assign(ours);
        }
    }

    private INDArray lstm(INDArray x, int l, boolean fullSequence) {
        long batch = x.size(0);
        INDArray out = fullSequence
                ? Nd4j.createUninitialized(dataType, batch, nOut[l], timesteps)
                : Nd4j.createUninitialized(dataType, batch, nOut[l]);
        DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer")
                .addInputs(x, p.wx[l], p.wr[l], p.b[l])
                .addOutputs(out)
                .addIntegerArguments(lstmIntArgs)
                .addFloatingPointArguments(lstmFloatArgs)
                .addBooleanArguments(flags(fullSequence))
                .build();
        Nd4j.exec(op);
        return out;
    }

    /** Backward through LSTM layer l given dL/dh (all steps, or the last step only); fills its gradient views. */
    private INDArray lstmBackward(INDArray x, int l, INDArray dLdh, boolean fullSequence) {
        INDArray dLdx = Nd4j.createUninitialized(dataType, x.shape());
        DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(x, p.wx[l], p.wr[l], p.b[l], dLdh)
                .addOutputs(dLdx, g.wx[l], g.wr[l], g.b[l])
                .addIntegerArguments(lstmIntArgs)
                .addFloatingPointArguments(lstmFloatArgs)
                .addBooleanArguments(flags(fullSequence))
                .build();
        Nd4j.exec(op);
        return dLdx;
    }

    /**
     * lstmLayer's boolean arguments, in its order: biases yes; sequence lengths, initial h, initial c and peepholes
     * no; then what it returns: the full sequence of h (a decoder layer), or the last h (the encoder's last layer);
     * never the last c.
     */
    private static boolean[] flags(boolean fullSequence) {
        boolean hasBiases = true;
        boolean hasSequenceLengths = false;
        boolean hasInitialH = false;
        boolean hasInitialC = false;
        boolean hasPeepholes = false;
        boolean returnLastC = false;
        return new boolean[] {
            hasBiases,
            hasSequenceLengths,
            hasInitialH,
            hasInitialC,
            hasPeepholes,
            fullSequence,
            !fullSequence,
            returnLastC
        };
    }

    /** RepeatVector: [batch, n] to [batch, n, time]. */
    private INDArray repeat(INDArray last, int batch) {
        INDArray r = last.reshape(batch, last.size(1), 1);
        return timesteps == 1 ? r : r.repeat(2, timesteps);
    }

    /** [batch, n, time] to one row per (window, step): [batch * time, n]. */
    private INDArray toRows(INDArray a, int batch) {
        if (timesteps == 1) {
            return a.reshape(batch, a.size(1));
        }
        return a.permute(0, 2, 1).dup('c').reshape(batch * (long) timesteps, a.size(1));
    }

    private INDArray fromRows(INDArray rows, int batch) {
        if (timesteps == 1) {
            return rows.reshape(batch, rows.size(1), 1);
        }
        return rows.reshape(batch, timesteps, rows.size(1)).permute(0, 2, 1).dup('c');
    }

    /** lstmLayer's activation code of a setting's activation (see {@link LstmActivation#fusedCode()}), -1 if none. */
    private static int activationCode(String name) {
        try {
            return LstmActivation.parse(name).fusedCode();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * lstmLayer's float arguments: no cell clipping, then alpha and beta of the cell and output activations if
     * affine.
     */
    private static Double[] floatArgs(ModelConfig config) {
        return LstmActivation.parse(config.activation()) == LstmActivation.IDENTITY
                ? new Double[] {0.0, 1.0, 0.0, 1.0, 0.0}
                : new Double[] {0.0};
    }

    /** Views of a flat parameter-shaped array: each LSTM layer's Wx, Wr, b, then the output layer's W and b. */
    private static final class Slots {
        final INDArray[] wx;
        final INDArray[] wr;
        final INDArray[] b;
        final INDArray wOut;
        final INDArray bOut;

        Slots(INDArray flat, int[] nIn, int[] nOut, int last, int features) {
            int layers = nIn.length;
            wx = new INDArray[layers];
            wr = new INDArray[layers];
            b = new INDArray[layers];
            long offset = 0;
            for (int l = 0; l < layers; l++) {
                long gates = 4L * nOut[l];
                wx[l] = view(flat, offset, nIn[l], gates);
                offset += nIn[l] * gates;
                wr[l] = view(flat, offset, nOut[l], gates);
                offset += nOut[l] * gates;
                b[l] = view(flat, offset, gates);
                offset += gates;
            }
            wOut = view(flat, offset, last, features);
            offset += (long) last * features;
            bOut = view(flat, offset, features);
        }

        private static INDArray view(INDArray flat, long offset, long... shape) {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
        }
    }

    /** Writes the parameters into the network and frees the step workspace. */
    @Override
    public void close() {
        copyTo(network);
        Nd4j.getWorkspaceManager()
                .destroyWorkspace(
                        Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(STEP_WORKSPACE, WORKSPACE_ID));
    }
}
