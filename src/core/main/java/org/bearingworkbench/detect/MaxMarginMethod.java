package org.bearingworkbench.detect;

/** The largest training score times a margin: no healthy row was ever flagged. */
public record MaxMarginMethod(double margin) implements ThresholdMethod {
    public MaxMarginMethod {
        if (!(margin >= 0.5 && margin <= 10)) {
            throw new IllegalArgumentException("max margin: in [0.5, 10] (got " + margin + ")");
        }
    }

    @Override
    public String id() {
        return "max:" + ThresholdMethod.fmt(margin);
    }

    @Override
    public double value(double[] s) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : s) {
            m = Math.max(m, x);
        }
        return m * margin;
    }

    @Override
    public String explain(double v) {
        return "The largest training score times " + ThresholdMethod.fmt(margin) + " = " + ThresholdMethod.fmt(v)
                + ": no healthy row comes near it, but one odd training row moves it.";
    }
}
