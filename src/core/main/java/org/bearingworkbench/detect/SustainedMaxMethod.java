package org.bearingworkbench.detect;

/**
 * The default, robust threshold: the highest level the healthy run sustained under the persistence rule (the n-th
 * largest score of its worst m-row window) plus k robust standard deviations (1.4826 x MAD) of the training scores.
 * It cannot raise a sustained alarm inside the training range, ignores isolated spikes there, and its margin scales
 * with the healthy noise rather than with assumptions about the tail (docs/decisions/0003).
 */
public record SustainedMaxMethod(PersistenceRule rule, double k) implements ThresholdMethod {
    public SustainedMaxMethod {
        if (!(k >= 0 && k <= 20)) {
            throw new IllegalArgumentException("robust: k in [0, 20] (got " + k + ")");
        }
    }

    @Override
    public String id() {
        return "robust:" + ThresholdMethod.fmt(k);
    }

    @Override
    public double value(double[] s) {
        return rule.sustainedMax(s) + k * ThresholdMethod.robustSigma(s);
    }

    @Override
    public String explain(double v) {
        return "The highest score the healthy run held for " + rule.n() + " of " + rule.m() + " rows, plus "
                + ThresholdMethod.fmt(k) + " robust standard deviations (MAD) = " + ThresholdMethod.fmt(v)
                + ": never a sustained alarm on healthy data, single spikes ignored.";
    }
}
