package org.bearingworkbench.detect;

/** The p-th percentile of the training scores: by construction (100-p)% of training rows lie above it. */
public record PercentileMethod(double percentile) implements ThresholdMethod {
    public PercentileMethod {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile: in (0, 100] (got " + percentile + ")");
        }
    }

    @Override
    public String id() {
        return "percentile:" + ThresholdMethod.fmt(percentile);
    }

    @Override
    public double value(double[] s) {
        return ThresholdMethod.percentile(s, percentile);
    }

    @Override
    public String explain(double v) {
        return "The " + ThresholdMethod.fmt(percentile) + "th percentile of the training scores: "
                + ThresholdMethod.fmt(100 - percentile) + "% of healthy rows score above " + ThresholdMethod.fmt(v)
                + ".";
    }
}
