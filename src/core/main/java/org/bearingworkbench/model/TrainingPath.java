package org.bearingworkbench.model;

import java.util.Locale;

/**
 * How training steps are computed. Both compute the same network, loss, gradient and Adam step (the plain-Java path
 * tested step for step against DL4J in DirectTrainingStepsTest); they differ in speed (docs/decisions/0019; the fused
 * native path of decision 0006 is retired: 8x slower than the plain-Java one and only a cross-check).
 */
public enum TrainingPath {
    /** Plain Java on double arrays, no native call per step (docs/decisions/0019): the default. */
    DIRECT,
    /** DL4J's {@code MultiLayerNetwork.fit}, layer by layer: the reference. */
    DL4J;

    /** The path set with {@code -Dbw.trainer=direct|dl4j}, direct when unset. */
    public static TrainingPath configured() {
        return parse(System.getProperty("bw.trainer", "direct"));
    }

    public static TrainingPath parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown training path '" + name + "' (known: direct, dl4j)", e);
        }
    }
}
