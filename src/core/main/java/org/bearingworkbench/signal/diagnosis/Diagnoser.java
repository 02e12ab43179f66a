package org.bearingworkbench.signal.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.EnvelopeSpectrum;

/**
 * The diagnosis engine: judges each bearing defect by its pattern in the squared-envelope spectrum (see
 * {@link HarmonicComb}) and names the one the evidence supports, or none, or unknown with the reason. Rules, as an
 * analyst applies them (Randall and Antoni 2011, section 4; docs/decisions/0023 for the measured variants):
 *
 * <ul>
 *   <li>shaft orders are known and never credited to a defect;
 *   <li>the defect with the strongest series wins when its significance reaches {@link #threshold}; the lines it
 *       explains (its harmonics and their shaft and cage sidebands) are then taken from the others before they are
 *       scored again, so an intermodulation line cannot make a second defect;
 *   <li>the cage (FTF) is named only as its own series when no race or rolling-element defect is evident and the
 *       series is overwhelming ({@link #CAGE_FACTOR} times the threshold): cage-rate lines are common in healthy
 *       machines (belts, neighbouring bearings), and a cage series beside a rolling-element series is that
 *       element's modulation;
 *   <li>no shaft speed or an unusable signal gives unknown, never none.
 * </ul>
 *
 * @param harmonics harmonics per series (a rolling element's spin frequency gets twice as many)
 * @param tolerance slip tolerance around the kinematic frequencies (fraction)
 * @param band      how the demodulation band is chosen
 * @param threshold the significance (-log10 p) a series needs to be evident
 */
public record Diagnoser(int harmonics, double tolerance, BandChoice band, double threshold) {
    public static final int HARMONICS = 4;
    public static final double TOLERANCE = 0.02;
    public static final double THRESHOLD = 4;
    /** How many times the threshold a cage series alone needs to be named (docs/decisions/0023). */
    public static final double CAGE_FACTOR = 3;

    private static final List<Verdict> DEFECTS = List.of(Verdict.BPFO, Verdict.BPFI, Verdict.BSF, Verdict.FTF);

    public Diagnoser {
        if (harmonics < 1 || harmonics > 10) {
            throw new IllegalArgumentException("harmonics: 1 to 10 (got " + harmonics + ")");
        }
        if (!(tolerance > 0 && tolerance < 0.2)) {
            throw new IllegalArgumentException("tolerance: between 0 and 20% (got " + tolerance + ")");
        }
    }

    public static Diagnoser defaults() {
        return new Diagnoser(HARMONICS, TOLERANCE, BandChoice.DEFAULT, THRESHOLD);
    }

    public Diagnoser withBand(BandChoice choice) {
        return new Diagnoser(harmonics, tolerance, choice, threshold);
    }

    /** The kinematic frequency of a defect's series (a rolling element's: its spin frequency). */
    static double nominal(BearingGeometry g, Verdict defect) {
        return switch (defect) {
            case BPFO -> g.bpfo();
            case BPFI -> g.bpfi();
            case BSF -> g.bsf();
            case FTF -> g.ftf();
            default -> throw new IllegalArgumentException(defect + " is not a defect");
        };
    }

    /**
     * Diagnoses {@code x[0..n)} sampled at {@code fs} Hz from a bearing of geometry {@code g}; {@code g} null means the
     * shaft speed is not known.
     */
    public Diagnosis diagnose(double[] x, int n, double fs, BearingGeometry g) {
        if (g == null) {
            return Diagnosis.unknown(
                    Double.NaN, "no shaft speed: give --rpm, or a file that stores one (e.g. an RPM or rate variable)");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                return Diagnosis.unknown(g.shaftHz(), "sample " + (i + 1) + " is " + x[i] + ": the signal is unusable");
            }
        }
        String problem = EnvelopeSpectrum.unusable(x, n, fs);
        if (problem != null) {
            return Diagnosis.unknown(g.shaftHz(), problem);
        }
        double reach = terms() * g.bpfi() * (1 + tolerance) + g.shaftHz();
        List<EnvelopeBands.BandSpectrum> spectra = EnvelopeBands.of(x, n, fs, band, 2 * reach);
        double penalty = Math.log10(spectra.size());
        boolean shaft = spectra.stream().anyMatch(s -> HarmonicComb.showsShaft(s.spectrum(), g.shaftHz()));
        Map<Verdict, DefectEvidence> best = judge(spectra, g, HarmonicComb.Mask.NONE, penalty, shaft);
        if (DEFECTS.stream().limit(3).noneMatch(d -> best.get(d).judged())) {
            return Diagnosis.unknown(
                    g.shaftHz(),
                    String.join(
                            "; ",
                            DEFECTS.stream()
                                    .limit(3)
                                    .map(d -> best.get(d).note())
                                    .distinct()
                                    .toList()));
        }
        Verdict winner = winner(best);
        if (winner == Verdict.NONE) {
            return conclude(Verdict.NONE, best, g, spectra, "no defect series reaches the significance threshold");
        }
        Verdict second = runnerUp(best, winner);
        if (second != null) {
            // two series evident: the one that keeps more evidence once the other's lines are explained wins
            double winnerLeft = judge(spectra, g, explainedBy(best.get(second), g), penalty, shaft)
                    .get(winner)
                    .score();
            double secondLeft = judge(spectra, g, explainedBy(best.get(winner), g), penalty, shaft)
                    .get(second)
                    .score();
            if (secondLeft > winnerLeft) {
                winner = second;
            }
        }
        DefectEvidence w = best.get(winner);
        Map<Verdict, DefectEvidence> others = judge(spectra, g, explainedBy(w, g), penalty, shaft);
        others.put(winner, w);
        return conclude(winner, others, g, spectra, "");
    }

    /** The strongest other race or element series that is evident too, or null. */
    private Verdict runnerUp(Map<Verdict, DefectEvidence> best, Verdict winner) {
        return DEFECTS.stream()
                .limit(3)
                .filter(d -> d != winner && best.get(d).score() >= threshold)
                .max(Comparator.comparingDouble(d -> best.get(d).score()))
                .orElse(null);
    }

    private int terms() {
        return 2 * harmonics;
    }

    private Map<Verdict, DefectEvidence> judge(
            List<EnvelopeBands.BandSpectrum> spectra,
            BearingGeometry g,
            HarmonicComb.Mask mask,
            double penalty,
            boolean shaft) {
        Map<Verdict, DefectEvidence> best = new EnumMap<>(Verdict.class);
        for (EnvelopeBands.BandSpectrum s : spectra) {
            HarmonicComb comb = new HarmonicComb(s.spectrum(), g.shaftHz(), g.ftf(), mask, shaft);
            for (Verdict d : DEFECTS) {
                DefectEvidence e = comb.search(d, nominal(g, d), harmonics, tolerance, s.band());
                e = new DefectEvidence(
                        e.defect(), Math.max(0, e.score() - penalty), e.fundamental(), e.lines(), e.band(), e.note());
                DefectEvidence old = best.get(d);
                if (old == null || (!old.judged() && e.judged()) || (e.judged() && e.score() > old.score())) {
                    best.put(d, e);
                }
            }
        }
        return best;
    }

    /** The defect the evidence names: the strongest race or element series, else a cage series, else none. */
    private Verdict winner(Map<Verdict, DefectEvidence> best) {
        Verdict top = DEFECTS.stream()
                .limit(3)
                .max(Comparator.comparingDouble(d -> best.get(d).score()))
                .orElseThrow();
        if (best.get(top).score() >= threshold) {
            return top;
        }
        return best.get(Verdict.FTF).score() >= CAGE_FACTOR * threshold ? Verdict.FTF : Verdict.NONE;
    }

    /** The lines a defect's series explains: its harmonics with shaft sidebands (to 2x) and cage sidebands. */
    private HarmonicComb.Mask explainedBy(DefectEvidence w, BearingGeometry g) {
        double f = w.fundamental();
        int terms = 2 * HarmonicComb.terms(w.defect(), harmonics);
        double slack = Math.max(0.002, tolerance / 10);
        return (hz, df) -> {
            double near = Math.max(slack * hz, 1.5 * df);
            for (int h = 1; h <= terms; h++) {
                for (int m = -2; m <= 2; m++) {
                    if (Math.abs(hz - (h * f + m * g.shaftHz())) <= near
                            || Math.abs(hz - (h * f + m * g.ftf())) <= near) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private Diagnosis conclude(
            Verdict verdict,
            Map<Verdict, DefectEvidence> evidence,
            BearingGeometry g,
            List<EnvelopeBands.BandSpectrum> spectra,
            String why) {
        List<DefectEvidence> ranked = new ArrayList<>(evidence.values());
        ranked.sort(Comparator.comparingDouble(DefectEvidence::score).reversed());
        DefectEvidence lead = verdict.isDefect() ? evidence.get(verdict) : ranked.get(0);
        double confidence = confidence(verdict, ranked);
        List<String> notes = new ArrayList<>();
        if (!why.isEmpty()) {
            notes.add(why
                    + String.format(
                            Locale.ROOT,
                            " (strongest: %s, %.1f where %.1f is needed)",
                            lead.defect().name(),
                            lead.score(),
                            threshold));
            double cage = evidence.get(Verdict.FTF).score();
            if (cage >= threshold) {
                notes.add(String.format(
                        Locale.ROOT,
                        "a cage-rate series is evident (FTF %.1f; %.1f names a cage defect on its own): such "
                                + "lines also come from belts and neighbouring bearings; watch its trend",
                        cage,
                        CAGE_FACTOR * threshold));
            }
        }
        for (DefectEvidence d : ranked) {
            if (verdict.isDefect() && d.defect() != verdict && d.score() >= threshold) {
                notes.add(String.format(
                        Locale.ROOT,
                        "%s also evident (%.1f)%s",
                        d.defect().name(),
                        d.score(),
                        verdict == Verdict.BSF && d.defect() == Verdict.FTF
                                ? ": the rolling element's cage " + "modulation"
                                : ""));
            }
        }
        List<EvidenceLine> lines = verdict.isDefect() ? shared(lead, g) : lead.lines();
        lines.stream()
                .filter(l -> verdict.isDefect())
                .filter(l -> !l.sharedWith().isEmpty())
                .findFirst()
                .ifPresent(l ->
                        notes.add("line " + l.label() + " also lies within the slip tolerance of " + l.sharedWith()));
        EnvelopeBands.BandSpectrum shown = spectra.stream()
                .filter(s -> s.band().equals(lead.band()))
                .findFirst()
                .orElse(spectra.get(0));
        List<EvidenceLine> shaft = new ArrayList<>();
        HarmonicComb comb = new HarmonicComb(shown.spectrum(), g.shaftHz(), g.ftf(), HarmonicComb.Mask.NONE, true);
        for (int k = 1; k <= 3; k++) {
            int bin = comb.peakNear(k * g.shaftHz());
            double fl = comb.floor(k * g.shaftHz());
            shaft.add(new EvidenceLine(
                    "shaft " + k + "x",
                    shown.spectrum().frequency()[bin],
                    k * g.shaftHz(),
                    fl > 0 ? shown.spectrum().amplitude()[bin] / fl : 0,
                    ""));
        }
        return new Diagnosis(
                verdict,
                confidence,
                g.shaftHz(),
                shown.band(),
                lines,
                List.copyOf(ranked),
                List.copyOf(shaft),
                String.join("; ", notes),
                shown.spectrum());
    }

    /**
     * The verdict's share of 10^score over the rival explanations and none (none weighing 10^threshold, or 10^ the
     * cage's bar when the cage is the verdict).
     */
    private double confidence(Verdict verdict, List<DefectEvidence> ranked) {
        // the cage competes only when it is the verdict: beside a race or element series it is modulation, and alone
        // below its own bar it is a note, not a rival explanation
        List<DefectEvidence> rivals = ranked.stream()
                .filter(d -> d.defect() != Verdict.FTF || verdict == Verdict.FTF)
                .toList();
        double none = verdict == Verdict.FTF ? CAGE_FACTOR * threshold : threshold;
        double top = Math.max(
                none, rivals.stream().mapToDouble(DefectEvidence::score).max().orElse(0));
        double sum = Math.pow(10, none - top);
        double mine = verdict == Verdict.NONE ? sum : 0;
        for (DefectEvidence d : rivals) {
            double w = Math.pow(10, d.score() - top);
            sum += w;
            if (d.defect() == verdict) {
                mine = w;
            }
        }
        return mine / sum;
    }

    /** The lead's lines, each marked with another defect's harmonic that lies within the slip tolerance of it. */
    private List<EvidenceLine> shared(DefectEvidence lead, BearingGeometry g) {
        List<EvidenceLine> out = new ArrayList<>();
        for (EvidenceLine l : lead.lines()) {
            String other = "";
            for (Verdict d : DEFECTS) {
                if (d == lead.defect() || !other.isEmpty()) {
                    continue;
                }
                double f = nominal(g, d);
                for (int h = 1; h <= HarmonicComb.terms(d, harmonics); h++) {
                    if (Math.abs(l.frequencyHz() - h * f) <= tolerance * h * f
                            && !l.label().contains(" - ")
                            && !l.label().contains(" + ")) {
                        other = d.name() + " " + h + "x";
                        break;
                    }
                }
            }
            out.add(other.isEmpty() || !l.sharedWith().isEmpty() ? l : l.sharedWith(other));
        }
        return out;
    }
}
