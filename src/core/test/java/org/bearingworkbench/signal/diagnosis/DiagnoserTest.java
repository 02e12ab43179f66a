package org.bearingworkbench.signal.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The diagnosis names the defect a synthetic signal carries, none for a healthy one, unknown without a judgement. */
class DiagnoserTest {
    static final BearingDesign DEEP_GROOVE_6205 = new BearingDesign("6205", 9, 0.3126, 1.537, 0);
    static final BearingDesign MFPT = new BearingDesign("MFPT", 8, 0.235, 1.245, 0);

    /** Operating conditions: bearing, sample rate, rpm, seconds. */
    static List<Object[]> conditions() {
        return List.of(
                new Object[] {DEEP_GROOVE_6205, 12_000.0, 1797.0, 2.0},
                new Object[] {DEEP_GROOVE_6205, 12_000.0, 1730.0, 2.0},
                new Object[] {MFPT, 48_828.0, 1500.0, 1.0},
                new Object[] {BearingDesign.rexnordZa2115(), 20_000.0, 2000.0, 1.0},
                new Object[] {DEEP_GROOVE_6205, 25_600.0, 1200.0, 2.0},
                new Object[] {BearingDesign.pronostia(), 25_600.0, 1800.0, 1.0});
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<Object[]> conditions = conditions();
        for (int c = 0; c < conditions.size(); c++) {
            for (Verdict v : List.of(Verdict.NONE, Verdict.BPFO, Verdict.BPFI, Verdict.BSF)) {
                Object[] k = conditions.get(c);
                out.add(Arguments.of(v, k[0], k[1], k[2], k[3], 31L * c + v.ordinal()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} at {2} Hz, {3} rpm")
    @MethodSource("cases")
    void namesTheDefectASyntheticBearingCarries(
            Verdict defect, BearingDesign design, double fs, double rpm, double seconds, long seed) {
        BearingGeometry g = design.at(rpm);
        double[] x = new SyntheticBearingSignal(defect, g, fs, seconds, 2.0, seed).samples();
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, fs, g);
        assertEquals(defect, d.verdict(), d.sentence("x"));
        if (defect.isDefect()) {
            assertTrue(d.confidence() > 0.9, d.sentence("x"));
            assertTrue(d.evidence().get(0).overFloor() > 3, d.sentence("x"));
        }
    }

    @ParameterizedTest(name = "{0} on {1} at {2} Hz, {3} rpm")
    @MethodSource("cases")
    void theConfidenceIsTheVerdictsShareOfTheEvidenceAndANoneNamesTheStrongestSeries(
            Verdict defect, BearingDesign design, double fs, double rpm, double seconds, long seed) {
        BearingGeometry g = design.at(rpm);
        double[] x = new SyntheticBearingSignal(defect, g, fs, seconds, 2.0, seed).samples();
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, fs, g);
        List<DefectEvidence> ranked = d.defects();
        for (int k = 1; k < ranked.size(); k++) {
            assertTrue(ranked.get(k - 1).score() >= ranked.get(k).score(), "ranked by score: " + ranked);
        }
        // the verdict's share of 10^score over the rival series (the cage only when it is the verdict) and "none"
        // (weighing 10^threshold)
        double none = Diagnoser.THRESHOLD;
        double sum = Math.pow(10, none);
        double mine = d.verdict() == Verdict.NONE ? sum : 0;
        for (DefectEvidence e : ranked) {
            if (e.defect() == Verdict.FTF && d.verdict() != Verdict.FTF) {
                continue;
            }
            sum += Math.pow(10, e.score());
            mine = e.defect() == d.verdict() ? Math.pow(10, e.score()) : mine;
        }
        assertEquals(mine / sum, d.confidence(), 1e-9, d.sentence("x"));
        if (d.verdict() == Verdict.NONE) {
            DefectEvidence lead = ranked.get(0);
            assertTrue(
                    d.reason()
                            .startsWith(String.format(
                                    Locale.ROOT,
                                    "no defect series reaches the significance threshold (strongest: %s, %.1f where"
                                            + " %.1f is needed)",
                                    lead.defect().name(),
                                    lead.score(),
                                    Diagnoser.THRESHOLD)),
                    d.reason());
            double cage = ranked.stream()
                    .filter(e -> e.defect() == Verdict.FTF)
                    .findFirst()
                    .orElseThrow()
                    .score();
            assertEquals(cage >= Diagnoser.THRESHOLD, d.reason().contains("a cage-rate series is evident"), d.reason());
        } else {
            // the lines shown are the verdict's own series
            assertTrue(
                    d.evidence().stream()
                            .allMatch(l -> l.label().startsWith(d.verdict().name() + " ")),
                    d.evidence().toString());
            for (DefectEvidence e : ranked) {
                boolean noted = d.reason().contains(e.defect().name() + " also evident");
                assertEquals(
                        e.defect() != d.verdict() && e.score() >= Diagnoser.THRESHOLD, noted, e + " in: " + d.reason());
            }
        }
    }

    @Test
    void aHealthyBearingWithStrongShaftHarmonicsIsNoneAndItsShaftLinesAreLabelled() {
        BearingGeometry g = DEEP_GROOVE_6205.at(1797);
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = new SyntheticBearingSignal(Verdict.NONE, g, 12_000, 4, 0, seed).samples();
            Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, 12_000, g);
            assertEquals(Verdict.NONE, d.verdict(), d.sentence("x"));
            assertEquals("shaft 1x", d.shaftLines().get(0).label());
            assertEquals(g.shaftHz(), d.shaftLines().get(0).expectedHz(), 1e-9);
            assertTrue(d.defects().stream().allMatch(e -> e.score() < Diagnoser.THRESHOLD), d.sentence("x"));
        }
    }

    @Test
    void aShaftOrderIsNeverCreditedToADefect() {
        // a pure shaft-speed envelope: amplitude modulation at 1x and 2x of a carrier, no bearing impacts
        BearingGeometry g = DEEP_GROOVE_6205.at(1797);
        double fs = 12_000;
        double[] x = new double[(int) (fs * 4)];
        Random rnd = new Random(3);
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            double m =
                    1 + 0.8 * Math.cos(2 * Math.PI * g.shaftHz() * t) + 0.5 * Math.cos(4 * Math.PI * g.shaftHz() * t);
            x[i] = m * Math.sin(2 * Math.PI * 3000 * t) + 0.1 * rnd.nextGaussian();
        }
        for (BandChoice band : List.of(BandChoice.DEFAULT, BandChoice.parse("2000-4000"))) {
            Diagnosis d = Diagnoser.defaults().withBand(band).diagnose(x, x.length, fs, g);
            assertEquals(Verdict.NONE, d.verdict(), d.sentence("x"));
            assertTrue(d.defects().stream().allMatch(e -> e.score() < 1), d.sentence("x"));
        }
        Diagnosis raw =
                Diagnoser.defaults().withBand(BandChoice.parse("2000-4000")).diagnose(x, x.length, fs, g);
        assertTrue(raw.shaftLines().get(0).overFloor() > 20, raw.shaftLines().toString());
    }

    @Test
    void withoutShaftModulationALineNearAHighShaftOrderIsCreditedAndLabelled() {
        // the IMS bearing's BPFO is 7.09x the shaft: at 0.1 s (10 Hz bins) within a bin of 7x, yet a clean series
        BearingGeometry g = BearingDesign.rexnordZa2115().at(2000);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 20_000, 0.1024, 3, 11).samples();
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, 20_000, g);
        assertEquals(Verdict.BPFO, d.verdict(), d.sentence("x"));
        assertTrue(d.evidence().stream().anyMatch(l -> l.sharedWith().startsWith("shaft ")), d.sentence("x"));
    }

    @Test
    void withoutAShaftSpeedTheVerdictIsUnknownNeverNone() {
        double[] x = new SyntheticBearingSignal(Verdict.NONE, DEEP_GROOVE_6205.at(1797), 12_000, 1, 0, 1).samples();
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, 12_000, null);
        assertEquals(Verdict.UNKNOWN, d.verdict());
        assertTrue(d.reason().contains("no shaft speed"), d.reason());
    }

    @Test
    void aFlatOrTooShortOrNonFiniteSignalIsUnknownWithItsReason() {
        BearingGeometry g = DEEP_GROOVE_6205.at(1797);
        Diagnosis flat = Diagnoser.defaults().diagnose(new double[12_000], 12_000, 12_000, g);
        assertEquals(Verdict.UNKNOWN, flat.verdict());
        assertTrue(flat.reason().contains("flat"), flat.reason());
        Diagnosis shortOne = Diagnoser.defaults().diagnose(new double[] {1, 2, 3, 1, 2}, 5, 12_000, g);
        assertEquals(Verdict.UNKNOWN, shortOne.verdict());
        assertTrue(shortOne.reason().contains("only 5 samples"), shortOne.reason());
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 12_000, 1, 2, 1).samples();
        x[100] = Double.NaN;
        Diagnosis nan = Diagnoser.defaults().diagnose(x, x.length, 12_000, g);
        assertEquals(Verdict.UNKNOWN, nan.verdict());
        assertTrue(nan.reason().contains("sample 101 is NaN"), nan.reason());
    }

    @Test
    void aDefectTooSlowForTheResolutionIsNotJudgedAndSaysWhy() {
        // 0.2 s snapshots (5 Hz bins): the cage frequency of a PRONOSTIA bearing (~13 Hz) cannot be resolved
        BearingGeometry g = BearingDesign.pronostia().at(1800);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 25_600, 0.2, 2, 4).samples();
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, 25_600, g);
        assertTrue(d.verdict() == Verdict.BPFO || d.verdict() == Verdict.NONE, d.sentence("x"));
        DefectEvidence cage = d.defects().stream()
                .filter(e -> e.defect() == Verdict.FTF)
                .findFirst()
                .orElseThrow();
        assertFalse(cage.judged());
        assertTrue(cage.note().contains("too short to resolve"), cage.note());
    }

    @Test
    void snapshotsTooShortToSeparateBearingLinesFromShaftOrdersAreUnknown() {
        // PRONOSTIA's 0.1 s snapshots: 10 Hz bins against a 30 Hz shaft, and the signal modulated at the shaft speed
        BearingGeometry g = BearingDesign.pronostia().at(1800);
        double[] x = new SyntheticBearingSignal(Verdict.BPFO, g, 25_600, 0.1, 2, 4).samples();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1 + 0.8 * Math.cos(2 * Math.PI * g.shaftHz() * i / 25_600);
        }
        Diagnosis d = Diagnoser.defaults().diagnose(x, x.length, 25_600, g);
        assertEquals(Verdict.UNKNOWN, d.verdict(), d.sentence("x"));
        assertTrue(d.reason().contains("too short to tell bearing lines from shaft orders"), d.reason());
    }

    @Test
    void theBandChoicesParseAndABadBandSaysWhatItTakes() {
        assertEquals(BandChoice.Kind.EVIDENCE, BandChoice.parse("auto").kind());
        assertEquals(BandChoice.Kind.KURTOGRAM, BandChoice.parse("kurtogram").kind());
        assertEquals(BandChoice.Kind.WHITENED, BandChoice.parse("whitened").kind());
        assertEquals(2000, BandChoice.parse("2000-8000").lowHz());
        var e = assertThrows(IllegalArgumentException.class, () -> BandChoice.parse("abc-def"));
        assertTrue(e.getMessage().contains("auto, whitened, kurtogram or LOW-HIGH"), e.getMessage());
    }
}
