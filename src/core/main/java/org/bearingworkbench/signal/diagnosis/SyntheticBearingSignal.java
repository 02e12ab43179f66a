package org.bearingworkbench.signal.diagnosis;

import java.util.Random;
import org.bearingworkbench.signal.BearingGeometry;

/**
 * A synthetic accelerometer signal of one bearing, for checking a diagnosis where the truth is known: shaft harmonics
 * (1x to 6x, strong), broadband noise, and either random knocks that repeat at no bearing frequency (a healthy
 * bearing) or a defect's impacts: at BPFO (steady), BPFI (amplitude-modulated by the shaft's turn through the load
 * zone) or 2xBSF (a rolling element striking both races, modulated at the cage speed), each with a random slip of -1.5
 * to +0.5%, 1% jitter between impacts, and ringing a structural resonance at 15-40% of the sample rate (the model of
 * McFadden and Smith 1984 and Randall and Antoni 2011, section 2). Deterministic for a seed.
 *
 * @param defect    BPFO, BPFI, BSF or NONE
 * @param impact    impact amplitude relative to the noise's standard deviation of 0.3
 * @param seconds   the signal's length
 */
public record SyntheticBearingSignal(
        Verdict defect, BearingGeometry geometry, double sampleRate, double seconds, double impact, long seed) {

    public SyntheticBearingSignal {
        if (defect == Verdict.FTF || defect == Verdict.UNKNOWN) {
            throw new IllegalArgumentException("a synthetic signal has a BPFO, BPFI or BSF defect, or none");
        }
    }

    /** The samples. */
    public double[] samples() {
        Random rnd = new Random(seed);
        int n = (int) Math.round(sampleRate * seconds);
        double fr = geometry.shaftHz();
        double[] x = new double[n];
        double[] phase = new double[7];
        for (int k = 1; k <= 6; k++) {
            phase[k] = rnd.nextDouble() * 2 * Math.PI;
        }
        for (int i = 0; i < n; i++) {
            double t = i / sampleRate;
            double v = 0;
            for (int k = 1; k <= 6; k++) {
                v += 0.8 / k * Math.cos(2 * Math.PI * k * fr * t + phase[k]);
            }
            x[i] = v + 0.3 * rnd.nextGaussian();
        }
        if (defect == Verdict.NONE) {
            addKnocks(x, rnd);
        } else {
            addImpacts(x, rnd);
        }
        return x;
    }

    private void addKnocks(double[] x, Random rnd) {
        int knocks = (int) (seconds * 3);
        for (int j = 0; j < knocks; j++) {
            int start = rnd.nextInt(x.length);
            double f = 1500 + 2500 * rnd.nextDouble();
            for (int k = 0; k < 200 && start + k < x.length; k++) {
                x[start + k] += 2 * Math.exp(-k / 30.0) * Math.sin(2 * Math.PI * f * k / sampleRate);
            }
        }
    }

    private void addImpacts(double[] x, Random rnd) {
        double fd = switch (defect) {
            case BPFO -> geometry.bpfo();
            case BPFI -> geometry.bpfi();
            default -> 2 * geometry.bsf();
        };
        fd *= 1 + (-0.015 + 0.02 * rnd.nextDouble());
        double resonance = (0.15 + 0.25 * rnd.nextDouble()) * sampleRate;
        double zeta = 0.02 + 0.06 * rnd.nextDouble();
        int ring = (int) (Math.min(0.8 / fd, 8 / (zeta * 2 * Math.PI * resonance)) * sampleRate);
        double shaftPhase = rnd.nextDouble() * 2 * Math.PI;
        double cagePhase = rnd.nextDouble() * 2 * Math.PI;
        for (double t = rnd.nextDouble() / fd; t < seconds; t += (1 + 0.01 * rnd.nextGaussian()) / fd) {
            double m = switch (defect) {
                case BPFI -> 0.5 * (1 + Math.cos(2 * Math.PI * geometry.shaftHz() * t + shaftPhase));
                case BSF -> 0.5 * (1 + Math.cos(2 * Math.PI * geometry.ftf() * t + cagePhase));
                default -> 1;
            };
            double a = impact * m * (1 + 0.2 * rnd.nextGaussian());
            int s0 = (int) (t * sampleRate);
            for (int k = 0; k < ring && s0 + k < x.length; k++) {
                double tau = k / sampleRate;
                x[s0 + k] +=
                        a * Math.exp(-zeta * 2 * Math.PI * resonance * tau) * Math.sin(2 * Math.PI * resonance * tau);
            }
        }
    }
}
