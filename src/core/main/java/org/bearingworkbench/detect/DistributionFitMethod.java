package org.bearingworkbench.detect;

import java.util.Locale;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Fits a log-normal (to the logs of the scores) or a gamma distribution (by moments) to the training scores and takes
 * the value exceeded with tail probability p: the fitted distribution's exact quantile (Commons Math). (Until
 * version 0.1 the gamma quantile was the Wilson-Hilferty approximation, 0.1-3% high for the shapes of score data.)
 */
public record DistributionFitMethod(Family family, double tailProbability) implements ThresholdMethod {
    public enum Family {
        LOGNORMAL,
        GAMMA
    }

    public DistributionFitMethod {
        if (!(tailProbability > 0 && tailProbability < 0.5)) {
            throw new IllegalArgumentException(family.name().toLowerCase(Locale.ROOT)
                    + ": tail probability in (0, 0.5) (got " + tailProbability + ")");
        }
    }

    @Override
    public String id() {
        return family.name().toLowerCase(Locale.ROOT) + ":" + tailProbability;
    }

    @Override
    public double value(double[] s) {
        if (family == Family.LOGNORMAL) {
            double z = Normal.quantile(1 - tailProbability);
            double[] logs = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                logs[i] = Math.log(Math.max(s[i], 1e-12));
            }
            return Math.exp(ThresholdMethod.mean(logs) + z * ThresholdMethod.std(logs));
        }
        double m = ThresholdMethod.mean(s);
        double var = Math.pow(ThresholdMethod.std(s), 2);
        double shape = m * m / var;
        double scale = var / m;
        return new GammaDistribution(null, shape, scale).inverseCumulativeProbability(1 - tailProbability);
    }

    @Override
    public String explain(double v) {
        String name = family == Family.LOGNORMAL ? "log-normal" : "gamma";
        return "A " + name + " distribution fitted to the training scores exceeds " + ThresholdMethod.fmt(v)
                + " with probability " + ThresholdMethod.fmt(tailProbability) + " per row.";
    }
}
