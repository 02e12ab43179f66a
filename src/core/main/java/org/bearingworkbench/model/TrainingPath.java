package org.bearingworkbench.model;

import java.util.Locale;

/**
 * How training steps are computed. All three compute the same network, loss, gradient and Adam step (tested step for
 * step against DL4J in DirectTrainingStepsTest and FusedTrainingStepsTest); they differ in speed (docs/decisions/0006,
 * 0019).
 */
public enum TrainingPath {
    /** Plain Java on double arrays, no native call per step (docs/decisions/0019): the default. */
    DIRECT,
    /** ND4J's fused native LSTM ops, one call per layer and direction. */
    FUSED,
    /** DL4J's {@code MultiLayerNetwork.fit}, layer by layer: the reference. */
    DL4J;

    /** The path set with {@code -Dbw.trainer=direct|fused|dl4j}, direct when unset. */
    public static TrainingPath configured() {
        return parse(System.getProperty("bw.trainer", "direct"));
    }

    public static TrainingPath parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown training path '" + name + "' (known: direct, fused, dl4j)", e);
        }
    }
}
