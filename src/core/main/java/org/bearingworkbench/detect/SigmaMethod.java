package org.bearingworkbench.detect;

/** Mean + k standard deviations of the training scores (assumes roughly normal, independent scores). */
public record SigmaMethod(double k) implements ThresholdMethod {
    public SigmaMethod {
        if (!(k > 0 && k <= 20)) {
            throw new IllegalArgumentException("sigma: k in (0, 20] (got " + k + ")");
        }
    }

    @Override
    public String id() {
        return "sigma:" + ThresholdMethod.fmt(k);
    }

    @Override
    public double value(double[] s) {
        return ThresholdMethod.mean(s) + k * ThresholdMethod.std(s);
    }

    @Override
    public String explain(double v) {
        return "Mean of the training scores plus " + ThresholdMethod.fmt(k) + " standard deviations = "
                + ThresholdMethod.fmt(v) + " (fair only if scores were normal and independent).";
    }
}
