package org.bearingworkbench.model;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * The activations an LSTM layer here can use, in one place: the name settings and bundles use, DL4J's activation, the
 * code of ND4J's fused {@code lstmLayer} op, and whether it may serve as the cell/output activation, as the gate
 * activation, or both.
 */
public enum LstmActivation {
    HARD_SIGMOID("hard_sigmoid", Activation.HARDSIGMOID, 7, false, true),
    RELU("relu", Activation.RELU, 1, true, false),
    TANH("tanh", Activation.TANH, 0, true, false),
    SIGMOID("sigmoid", Activation.SIGMOID, 2, true, true),
    /** lstmLayer's "affine" with alpha 1 and beta 0. */
    IDENTITY("identity", Activation.IDENTITY, 3, true, false);

    /** ND4J's hard sigmoid slope: the float 0.2 (0.20000000298...), also in double precision. */
    private static final double HARD_SIGMOID_SLOPE = 0.2f;

    private final String key;
    private final Activation dl4j;
    private final int fusedCode;
    private final boolean cell;
    private final boolean gate;

    LstmActivation(String key, Activation dl4j, int fusedCode, boolean cell, boolean gate) {
        this.key = key;
        this.dl4j = dl4j;
        this.fusedCode = fusedCode;
        this.cell = cell;
        this.gate = gate;
    }

    public String key() {
        return key;
    }

    public Activation dl4j() {
        return dl4j;
    }

    /** The activation of one value, as DL4J computes it (hard sigmoid: 0.2x + 0.5 clipped to [0, 1]). */
    public double apply(double x) {
        return switch (this) {
            case HARD_SIGMOID -> Math.min(1.0, Math.max(0.0, HARD_SIGMOID_SLOPE * x + 0.5));
            case RELU -> x > 0 ? x : 0.0;
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case IDENTITY -> x;
        };
    }

    /** The activation code of ND4J's fused lstmLayer op. */
    public int fusedCode() {
        return fusedCode;
    }

    /** Names usable as the cell and output activation, in the order the form offers them. */
    public static List<String> cellKeys() {
        return Arrays.stream(values())
                .filter(a -> a.cell)
                .map(LstmActivation::key)
                .toList();
    }

    /** Names usable as the gate activation. */
    public static List<String> gateKeys() {
        return Arrays.stream(values())
                .filter(a -> a.gate)
                .map(LstmActivation::key)
                .toList();
    }

    /** The activation named {@code key}; an unknown name is an error listing the known ones. */
    public static LstmActivation parse(String key) {
        for (LstmActivation a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + key + "' (known: "
                + Arrays.stream(values()).map(LstmActivation::key).toList() + ")");
    }
}
