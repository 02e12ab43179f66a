package org.bearingworkbench.pipeline.prognosis;

import java.util.Arrays;
import java.util.Random;

/**
 * Remaining useful life from a health indicator h(t) with the exponential degradation model of Gebraeel, Lawley, Li
 * and Ryan, "Residual-life distributions from component degradation signals: a Bayesian approach", IIE Transactions
 * 37 (2005) (the model behind MATLAB's {@code exponentialDegradationModel}): h(t) = phi + theta exp(beta t + eps),
 * i.e. L(t) = ln(h(t) - phi) = ln theta + beta t + eps with eps ~ N(0, sigma^2). The prior on (ln theta, beta) is
 * Gaussian; each new row updates it by Bayesian linear regression (conjugate, sigma known). The remaining life at time
 * t is T - t where L(T) reaches ln(H - phi) for the failure threshold H; its distribution comes from
 * {@value #DRAWS} draws of the posterior (seeded): the median and a 90% band (5th and 95th percentiles). Draws with
 * beta <= 0 never reach H: they count as "longer than the horizon".
 *
 * @param phi the indicator's floor (below every value the model sees)
 * @param sigma2 the noise variance of L
 */
public final class ExponentialDegradation {
    static final int DRAWS = 2000;
    private final double phi;
    private final double sigma2;
    private double[] mean;
    private double[][] cov;

    /** A forecast: the remaining life in hours, median and 90% band; NaN when the model does not see a rise yet. */
    public record Forecast(double hoursNow, double median, double low, double high, double shareReaching) {}

    public ExponentialDegradation(double phi, double[] priorMean, double[][] priorCov, double sigma2) {
        this.phi = phi;
        this.mean = priorMean.clone();
        this.cov = new double[][] {priorCov[0].clone(), priorCov[1].clone()};
        this.sigma2 = sigma2;
    }

    /** Updates the posterior with the indicator value {@code h} at time {@code hours}. */
    public void update(double hours, double h) {
        double y = Math.log(Math.max(h - phi, 1e-12));
        double[] x = {1, hours};
        double[] cx = {cov[0][0] * x[0] + cov[0][1] * x[1], cov[1][0] * x[0] + cov[1][1] * x[1]};
        double s = x[0] * cx[0] + x[1] * cx[1] + sigma2;
        double[] k = {cx[0] / s, cx[1] / s};
        double resid = y - (mean[0] + mean[1] * hours);
        mean = new double[] {mean[0] + k[0] * resid, mean[1] + k[1] * resid};
        cov = new double[][] {
            {cov[0][0] - k[0] * cx[0], cov[0][1] - k[0] * cx[1]},
            {cov[1][0] - k[1] * cx[0], cov[1][1] - k[1] * cx[1]}
        };
    }

    /** The remaining life at {@code hours} for the failure threshold {@code failure}, from the posterior. */
    public Forecast forecast(double hours, double failure, long seed) {
        double target = Math.log(Math.max(failure - phi, 1e-12));
        Random random = new Random(seed);
        double a = Math.sqrt(Math.max(cov[0][0], 0));
        double b = a > 0 ? cov[0][1] / a : 0;
        double c = Math.sqrt(Math.max(cov[1][1] - b * b, 0));
        double[] rul = new double[DRAWS];
        int reaching = 0;
        for (int i = 0; i < DRAWS; i++) {
            double u = random.nextGaussian();
            double v = random.nextGaussian();
            double lnTheta = mean[0] + a * u;
            double beta = mean[1] + b * u + c * v;
            if (beta > 0) {
                double t = (target - lnTheta) / beta;
                rul[i] = Math.max(0, t - hours);
                reaching++;
            } else {
                rul[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(rul);
        return new Forecast(hours, rul[DRAWS / 2], rul[DRAWS / 20], rul[DRAWS * 19 / 20], reaching / (double) DRAWS);
    }

    public double beta() {
        return mean[1];
    }
}
