package org.bearingworkbench.model;

import java.util.Locale;

/**
 * How training steps are computed. Both compute the same network, loss, gradient and Adam step (tested step for step
 * in FusedTrainingStepsTest); they differ in speed (docs/decisions/0006).
 */
public enum TrainingPath {
    /** ND4J's fused native LSTM ops, one call per layer and direction: the default. */
    FUSED,
    /** DL4J's {@code MultiLayerNetwork.fit}, layer by layer: the reference. */
    DL4J;

    /** The path set with {@code -Dbw.trainer=fused|dl4j}, fused when unset. */
    public static TrainingPath configured() {
        return parse(System.getProperty("bw.trainer", "fused"));
    }

    public static TrainingPath parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown training path '" + name + "' (known: fused, dl4j)", e);
        }
    }
}
