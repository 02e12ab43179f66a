package org.bearingworkbench.signal.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bearingworkbench.signal.EnvelopeSpectrum;
import org.bearingworkbench.signal.Fft;
import org.bearingworkbench.signal.Kurtogram;
import org.bearingworkbench.signal.Spectrum;

/**
 * Squared-envelope spectra of one signal in the bands a {@link BandChoice} asks for. The squared envelope spectrum
 * (SES) and cepstral pre-whitening (CPW: the spectrum's magnitude set to one, its phase kept, which removes discrete
 * lines and the transfer path and leaves the impulses) follow R.B. Randall and J. Antoni, "Rolling element bearing
 * diagnostics - A tutorial", MSSP 25 (2011), and P. Borghesani et al., "Application of cepstrum pre-whitening for the
 * diagnosis of bearing faults under variable speed conditions", MSSP 36 (2013).
 */
public final class EnvelopeBands {
    /** How many impulsive bands of the whitened signal the evidence choice judges beside its full band. */
    static final int IMPULSIVE_BANDS = 3;

    /** One band and the squared-envelope spectrum demodulated from it. */
    public record BandSpectrum(DemodulationBand band, Spectrum spectrum) {}

    private EnvelopeBands() {}

    /**
     * The spectra to judge for {@code x[0..n)} sampled at {@code fs}; bands narrower than {@code minWidthHz} (too
     * narrow to carry the defect's harmonics) are left out of the impulsive candidates.
     */
    public static List<BandSpectrum> of(double[] x, int n, double fs, BandChoice choice, double minWidthHz) {
        double[] raw = transform(x, n);
        return switch (choice.kind()) {
            case FIXED -> {
                double hi = Math.min(choice.highHz(), fs / 2);
                if (!(choice.lowHz() < hi)) {
                    throw new IllegalArgumentException("--band: " + choice.lowHz() + "-" + choice.highHz()
                            + " Hz lies above half the sample rate (" + fs / 2 + " Hz)");
                }
                yield List.of(spectrum(raw, n, fs, new DemodulationBand(choice.lowHz(), hi, false, "given")));
            }
            case KURTOGRAM -> {
                Kurtogram.Band b = Kurtogram.of(x, n, fs).best();
                yield List.of(spectrum(
                        raw, n, fs, new DemodulationBand(Math.max(1, b.lowHz()), b.highHz(), false, "kurtogram")));
            }
            case WHITENED -> List.of(spectrum(whiten(raw, n), n, fs, fullBand(fs)));
            case EVIDENCE -> evidenceCandidates(raw, n, fs, minWidthHz);
        };
    }

    private static DemodulationBand fullBand(double fs) {
        return new DemodulationBand(0, fs / 2, true, "whitened, full band");
    }

    private static List<BandSpectrum> evidenceCandidates(double[] raw, int n, double fs, double minWidthHz) {
        double[] w = whiten(raw, n);
        List<BandSpectrum> out = new ArrayList<>();
        out.add(spectrum(w, n, fs, fullBand(fs)));
        List<double[]> bands = new ArrayList<>();
        for (int level = 1; level <= 3; level++) {
            int count = 1 << level;
            double width = fs / 2 / count;
            if (width < minWidthHz) {
                break;
            }
            for (int b = 0; b < count; b++) {
                double lo = b * width;
                double hi = (b + 1) * width;
                bands.add(new double[] {lo, hi, Kurtogram.bandKurtosis(w, n, fs, lo, hi)});
            }
        }
        bands.sort(Comparator.comparingDouble((double[] b) -> b[2]).reversed());
        for (double[] b : bands.subList(0, Math.min(IMPULSIVE_BANDS, bands.size()))) {
            out.add(spectrum(w, n, fs, new DemodulationBand(Math.max(1, b[0]), b[1], true, "whitened, impulsive")));
        }
        return out;
    }

    /** The real forward transform of {@code x[0..n)} less its mean (JTransforms {@code realForward} layout). */
    static double[] transform(double[] x, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = x[i] - mean;
        }
        Fft.plan(n).realForward(r);
        return r;
    }

    /** Cepstral pre-whitening of a real forward transform: every bin's magnitude set to 1 (DC and Nyquist to 0). */
    static double[] whiten(double[] r, int n) {
        double[] w = Arrays.copyOf(r, n);
        w[0] = 0;
        if (n % 2 == 0) {
            w[1] = 0;
        }
        int pairs = (n - 1) / 2;
        for (int k = 1; k <= pairs; k++) {
            boolean packedLast = n % 2 == 1 && k == pairs;
            int re = packedLast ? n - 1 : 2 * k;
            int im = packedLast ? 1 : 2 * k + 1;
            double m = Fft.magnitude(w[re], w[im]);
            w[re] = m > 0 ? w[re] / m : 0;
            w[im] = m > 0 ? w[im] / m : 0;
        }
        return w;
    }

    /** The one-sided amplitude spectrum of the squared envelope (mean removed, no window) of one band. */
    static BandSpectrum spectrum(double[] r, int n, double fs, DemodulationBand band) {
        double[] env = EnvelopeSpectrum.envelopeOfTransform(r, n, fs, band.lowHz(), band.highHz());
        double mean = 0;
        for (int i = 0; i < n; i++) {
            env[i] *= env[i];
            mean += env[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            env[i] -= mean;
        }
        Fft.plan(n).realForward(env);
        int bins = n / 2 + 1;
        double[] f = new double[bins];
        double[] a = new double[bins];
        for (int k = 1; k < bins; k++) {
            f[k] = k * fs / n;
            boolean nyquist = n % 2 == 0 && k == n / 2;
            boolean packedLast = n % 2 == 1 && k == (n - 1) / 2;
            double re = nyquist ? env[1] : packedLast ? env[n - 1] : env[2 * k];
            double im = nyquist ? 0 : packedLast ? env[1] : env[2 * k + 1];
            a[k] = 2 * Fft.magnitude(re, im) / n;
        }
        return new BandSpectrum(band, new Spectrum(f, a));
    }
}
