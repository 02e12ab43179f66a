package org.bearingworkbench.detect;

/**
 * The threshold a model bundle was saved with: its value, kept as it was chosen, and the method that chose it
 * ({@code robust:3}, {@code percentile:99}, a manual value), so a reopened model shows how its threshold came about
 * instead of "manual".
 */
public record SavedThreshold(double threshold, String method) implements ThresholdMethod {
    public SavedThreshold {
        if (!(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("saved threshold: a positive number (got " + threshold + ")");
        }
        method = method == null || method.isBlank() ? "manual" : method;
    }

    @Override
    public String id() {
        return method.equals("manual") ? "manual:" + threshold : method;
    }

    @Override
    public double value(double[] trainScores) {
        return threshold;
    }

    @Override
    public String explain(double value) {
        return "The threshold saved with the model"
                + (method.startsWith("manual") ? " (set by hand)" : " (chosen by " + method + " on its training rows)")
                + ": " + ThresholdMethod.fmt(value) + ".";
    }
}
