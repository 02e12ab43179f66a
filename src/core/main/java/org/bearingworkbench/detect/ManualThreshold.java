package org.bearingworkbench.detect;

/** A threshold the user set by hand (typed, or dragged on the histogram). */
public record ManualThreshold(double threshold) implements ThresholdMethod {
    public ManualThreshold {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("manual threshold: a positive number (got " + threshold + ")");
        }
    }

    @Override
    public String id() {
        return "manual:" + threshold;
    }

    @Override
    public double value(double[] trainScores) {
        return threshold;
    }

    @Override
    public String explain(double value) {
        return "Set by hand to " + ThresholdMethod.fmt(value) + ".";
    }
}
