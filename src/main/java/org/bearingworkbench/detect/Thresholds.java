package org.bearingworkbench.detect;

import java.util.List;
import java.util.Locale;

/** The threshold methods, and parsing of their ids ({@code percentile:99}, {@code sigma:3}, ...). */
public final class Thresholds {
    private Thresholds() {
    }

    /** The default (robust) method, then every other automatic method with its default parameter. */
    public static List<ThresholdMethod> automatic(PersistenceRule rule) {
        return List.of(new SustainedMaxMethod(rule, 3), new PercentileMethod(99), new SigmaMethod(3), new MaxMarginMethod(1.1),
                new DistributionFitMethod(DistributionFitMethod.Family.LOGNORMAL, 0.001),
                new DistributionFitMethod(DistributionFitMethod.Family.GAMMA, 0.001), new PotMethod(0.001));
    }

    public static ThresholdMethod defaultMethod(PersistenceRule rule) {
        return new SustainedMaxMethod(rule, 3);
    }

    /** Parses an id such as {@code percentile:99}, {@code sigma:3}, {@code max:1.1}, {@code lognormal:0.001},
     * {@code gamma:0.001}, {@code pot:0.001}, {@code robust:3} or a plain number (manual). */
    public static ThresholdMethod parse(String spec, PersistenceRule rule) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        Double p = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            try {
                p = Double.parseDouble(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("threshold method '" + spec + "': '" + s.substring(colon + 1) + "' is not a number");
            }
        }
        try {
            return switch (name) {
                case "percentile" -> new PercentileMethod(p == null ? 99 : p);
                case "sigma" -> new SigmaMethod(p == null ? 3 : p);
                case "max" -> new MaxMarginMethod(p == null ? 1.1 : p);
                case "lognormal" -> new DistributionFitMethod(DistributionFitMethod.Family.LOGNORMAL, p == null ? 0.001 : p);
                case "gamma" -> new DistributionFitMethod(DistributionFitMethod.Family.GAMMA, p == null ? 0.001 : p);
                case "pot" -> new PotMethod(p == null ? 0.001 : p);
                case "robust", "default" -> new SustainedMaxMethod(rule, p == null ? 3 : p);
                case "manual" -> new ManualThreshold(p == null ? Double.NaN : p);
                default -> new ManualThreshold(Double.parseDouble(s));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold method '" + spec + "': expected a number or one of "
                    + "robust:K, percentile:P, sigma:K, max:M, lognormal:P, gamma:P, pot:Q");
        }
    }
}
