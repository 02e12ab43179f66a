package org.bearingworkbench.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The threshold methods, and parsing of their ids ({@code percentile:99}, {@code sigma:3}, ...). */
public final class Thresholds {
    private Thresholds() {}

    /** The default (robust) method, then every other automatic method with its default parameter. */
    public static List<ThresholdMethod> automatic(PersistenceRule rule) {
        return Arrays.stream(ThresholdKind.values())
                .filter(k -> k != ThresholdKind.MANUAL)
                .map(k -> k.create(null, rule))
                .toList();
    }

    public static ThresholdMethod defaultMethod(PersistenceRule rule) {
        return ThresholdKind.ROBUST.create(null, rule);
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
                throw new IllegalArgumentException(
                        "threshold method '" + spec + "': '" + s.substring(colon + 1) + "' is not a number");
            }
        }
        try {
            ThresholdKind kind = ThresholdKind.byId(name);
            return kind != null ? kind.create(p, rule) : new ManualThreshold(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold method '" + spec + "': expected a number or one of "
                    + "robust:K, percentile:P, sigma:K, max:M, lognormal:P, gamma:P, pot:Q");
        }
    }
}
