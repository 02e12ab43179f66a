package org.bearingworkbench.pipeline.prognosis;

/**
 * The IEEE PHM 2012 prognostics challenge's accuracy score: with Er = 100 (actual - forecast) / actual, A =
 * exp(-ln(0.5) Er / 5) for a late forecast (Er &lt;= 0) and exp(ln(0.5) Er / 20) for an early one; 1 is exact, 0.5 is
 * 5% late or 20% early.
 */
public final class PhmScore {
    private static final double LN_HALF = Math.log(0.5);

    private PhmScore() {}

    public static double of(double actualSeconds, double forecastSeconds) {
        double er = 100 * (actualSeconds - forecastSeconds) / actualSeconds;
        return er <= 0 ? Math.exp(-LN_HALF * er / 5) : Math.exp(LN_HALF * er / 20);
    }

    /**
     * The Bayes action: among the 1st..99th percentiles of the draws ({@code sorted} ascending), the forecast with the
     * highest mean score were each draw the actual remaining life.
     */
    public static double bestGuess(double[] sorted) {
        double best = sorted[sorted.length / 2];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int q = 1; q <= 99; q++) {
            double c = LifeForecaster.quantile(sorted, q / 100.0);
            double sum = 0;
            for (double a : sorted) {
                sum += of(a, c);
            }
            if (sum > bestScore) {
                bestScore = sum;
                best = c;
            }
        }
        return best;
    }
}
