package org.bearingworkbench.signal.diagnosis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bearingworkbench.SharedData;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.MatFormat;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.junit.jupiter.api.Test;

/**
 * The measured comparison behind docs/decisions/0023: band choices and significance thresholds on synthetic runs
 * (seven operating conditions, leave-one-condition-out) and on the MFPT files (leave-one-file-out). A study, not a
 * check: it runs only with {@code -Dbw.study=true} (scripts/diagnosis-study.sh) and prints its tables.
 */
class DiagnosisStudy {
    static final List<String> BANDS = List.of("auto", "whitened", "kurtogram", "2000-5000");
    static final double[] THRESHOLDS = {2, 2.5, 3, 4};
    static final List<Verdict> CLASSES = List.of(Verdict.NONE, Verdict.BPFO, Verdict.BPFI, Verdict.BSF);

    /** One operating condition: bearing, sample rate, rpm, seconds per record. */
    record Condition(String name, BearingDesign bearing, double fs, double rpm, double seconds) {}

    static List<Condition> conditions() {
        BearingDesign b6205 = new BearingDesign("6205", 9, 0.3126, 1.537, 0);
        return List.of(
                new Condition("6205 12 kHz 1797 rpm 2 s", b6205, 12_000, 1797, 2),
                new Condition("6205 12 kHz 1730 rpm 2 s", b6205, 12_000, 1730, 2),
                new Condition(
                        "MFPT 48.8 kHz 1500 rpm 1 s", new BearingDesign("nice", 8, 0.235, 1.245, 0), 48_828, 1500, 1),
                new Condition("ZA-2115 20 kHz 2000 rpm 1 s", BearingDesign.rexnordZa2115(), 20_000, 2000, 1),
                new Condition("6205 25.6 kHz 1200 rpm 2 s", b6205, 25_600, 1200, 2),
                new Condition("ZA-2115 20 kHz 960 rpm 1 s", BearingDesign.rexnordZa2115(), 20_000, 960, 1),
                new Condition("PRONOSTIA 25.6 kHz 1800 rpm 1 s", BearingDesign.pronostia(), 25_600, 1800, 1));
    }

    /** One judged case: its condition, class, impact level, and each variant's verdict. */
    record Case(int condition, Verdict truth, double impact, Map<String, Verdict> byVariant) {
        Verdict at(String band, double threshold) {
            return byVariant.get(band + "@" + threshold);
        }
    }

    /** The verdict of each band and threshold for one signal. */
    static Map<String, Verdict> judge(double[] x, double fs, BearingGeometry g) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (String band : BANDS) {
            for (double t : THRESHOLDS) {
                out.put(
                        band + "@" + t,
                        new Diagnoser(4, 0.02, BandChoice.parse(band), t)
                                .diagnose(x, x.length, fs, g)
                                .verdict());
            }
        }
        return out;
    }

    @Test
    void compareVariants() throws Exception {
        assumeTrue(Boolean.getBoolean("bw.study"), "a study: run with -Dbw.study=true (scripts/diagnosis-study.sh)");
        double[] impacts = {0.5, 1, 2, 4};
        List<Case> cases = new ArrayList<>();
        List<Condition> conds = conditions();
        for (int c = 0; c < conds.size(); c++) {
            Condition k = conds.get(c);
            BearingGeometry g = k.bearing().at(k.rpm());
            for (Verdict v : CLASSES) {
                for (double impact : impacts) {
                    for (int seed = 0; seed < 3; seed++) {
                        double[] x = new SyntheticBearingSignal(
                                        v, g, k.fs(), k.seconds(), impact, 7919L * c + 101 * seed + v.ordinal())
                                .samples();
                        cases.add(new Case(c, v, impact, judge(x, k.fs(), g)));
                    }
                }
            }
        }
        System.out.println("## Synthetic: right per class, every condition, impacts 1-4 (0.5 in brackets)");
        System.out.println("| band | threshold | healthy | BPFO | BPFI | BSF |");
        System.out.println("|---|---|---|---|---|---|");
        for (String band : BANDS) {
            for (double t : THRESHOLDS) {
                StringBuilder row = new StringBuilder("| " + band + " | " + t + " |");
                for (Verdict v : CLASSES) {
                    row.append(' ')
                            .append(rate(cases, band, t, v, -1, false))
                            .append(" (")
                            .append(rate(cases, band, t, v, -1, true))
                            .append(") |");
                }
                System.out.println(row);
            }
        }
        System.out.println();
        System.out.println("## Leave one condition out: threshold chosen on the other six (mean right per class)");
        System.out.println("| held-out condition | band | threshold chosen | healthy | BPFO | BPFI | BSF |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String band : BANDS) {
            int[] right = new int[CLASSES.size()];
            int[] total = new int[CLASSES.size()];
            for (int held = 0; held < conds.size(); held++) {
                double best = THRESHOLDS[0];
                double bestScore = -1;
                for (double t : THRESHOLDS) {
                    double s = 0;
                    for (Verdict v : CLASSES) {
                        s += fraction(cases, band, t, v, -held - 2);
                    }
                    if (s > bestScore + 1e-12) {
                        bestScore = s;
                        best = t;
                    }
                }
                StringBuilder row =
                        new StringBuilder("| " + conds.get(held).name() + " | " + band + " | " + best + " |");
                for (int i = 0; i < CLASSES.size(); i++) {
                    int[] rt = count(cases, band, best, CLASSES.get(i), held, false);
                    right[i] += rt[0];
                    total[i] += rt[1];
                    row.append(' ').append(rt[0]).append('/').append(rt[1]).append(" |");
                }
                if ("auto".equals(band)) {
                    System.out.println(row);
                }
            }
            StringBuilder all = new StringBuilder("| all held out | " + band + " | - |");
            for (int i = 0; i < CLASSES.size(); i++) {
                all.append(String.format(
                        Locale.ROOT, " %d/%d (%.0f%%) |", right[i], total[i], 100.0 * right[i] / total[i]));
            }
            System.out.println(all);
        }
        mfpt();
        ims();
    }

    /**
     * IMS test 2 (real, 20 kHz, 1 s records, the rig's nominal 2000 rpm): the first 400 files (every 4th) as healthy
     * data for channels 2 and 4 (bearing 1's outer race degrades later; its lines travel to the other sensors), the
     * last 200 (every 4th) for bearing 1's outer-race defect on channel 1.
     */
    private void ims() throws Exception {
        if (!SharedData.present()) {
            return;
        }
        Path d = SharedData.imsTest2();
        List<Path> files;
        try (var s = Files.list(d)) {
            files = s.sorted().toList();
        }
        SnapshotFormat format = Formats.detect(d);
        SnapshotReader reader = new SnapshotReader();
        BearingGeometry g = BearingDesign.rexnordZa2115().at(2000);
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i += 4) {
            boolean early = i < 400;
            boolean late = i >= files.size() - 200;
            if (!early && !late) {
                continue;
            }
            Path f = files.get(i);
            SignalView v = format.read(new SnapshotRef(f, f.getFileName().toString(), null, 0), reader);
            for (int ch = 0; ch < 4; ch++) {
                if (early == (ch == 0)) {
                    continue;
                }
                double[] x = Arrays.copyOf(v.channel(ch), v.rows());
                for (double t : THRESHOLDS) {
                    Verdict verdict = new Diagnoser(4, 0.02, BandChoice.DEFAULT, t)
                            .diagnose(x, x.length, 20_000, g)
                            .verdict();
                    String key = (early ? "early ch" + (ch + 1) : "late ch1") + "@" + t;
                    int[] c = tally.computeIfAbsent(key, k -> new int[3]);
                    c[0]++;
                    c[1] += verdict.isDefect() ? 1 : 0;
                    c[2] += verdict == Verdict.BPFO ? 1 : 0;
                }
            }
        }
        System.out.println();
        System.out.println("## IMS test 2: files named a defect (of those judged), auto band");
        System.out.println("| threshold | ch2 first 400 files | ch4 first 400 | ch3 first 400 | ch1 last 200: BPFO |");
        System.out.println("|---|---|---|---|---|");
        for (double t : THRESHOLDS) {
            int[] c2 = tally.get("early ch2@" + t);
            int[] c4 = tally.get("early ch4@" + t);
            int[] c3 = tally.get("early ch3@" + t);
            int[] c1 = tally.get("late ch1@" + t);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d/%d (BPFO %d) | %d/%d (BPFO %d) | %d/%d | %d/%d |%n",
                    t,
                    c2[1],
                    c2[0],
                    c2[2],
                    c4[1],
                    c4[0],
                    c4[2],
                    c3[1],
                    c3[0],
                    c1[2],
                    c1[0]);
        }
    }

    private void mfpt() throws Exception {
        if (!SharedData.present()) {
            return;
        }
        Path dir = SharedData.file("mfpt");
        BearingDesign nice = new BearingDesign("nice", 8, 0.235, 1.245, 0);
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mat")).sorted().toList();
        }
        System.out.println();
        System.out.println("## MFPT (10 files): right at each threshold; leave-one-file-out threshold");
        System.out.println("| band | 2 | 2.5 | 3 | 4 | leave-one-out |");
        System.out.println("|---|---|---|---|---|---|");
        for (String band : BANDS) {
            List<Map<String, Verdict>> ds = new ArrayList<>();
            List<Verdict> truth = new ArrayList<>();
            for (Path f : files) {
                MatFormat.Contents c = MatFormat.contents(f);
                double[] x = c.vectors().values().iterator().next();
                ds.add(judge(x, c.sampleRate(), nice.at(c.rpm())));
                truth.add(f.getFileName().toString().startsWith("Outer") ? Verdict.BPFO : Verdict.BPFI);
            }
            StringBuilder row = new StringBuilder("| " + band + " |");
            for (double t : THRESHOLDS) {
                int right = 0;
                for (int i = 0; i < ds.size(); i++) {
                    right += ds.get(i).get(band + "@" + t) == truth.get(i) ? 1 : 0;
                }
                row.append(' ').append(right).append("/10 |");
            }
            int loo = 0;
            for (int held = 0; held < ds.size(); held++) {
                double best = THRESHOLDS[0];
                int bestRight = -1;
                for (double t : THRESHOLDS) {
                    int right = 0;
                    for (int i = 0; i < ds.size(); i++) {
                        right += i != held && ds.get(i).get(band + "@" + t) == truth.get(i) ? 1 : 0;
                    }
                    if (right > bestRight) {
                        bestRight = right;
                        best = t;
                    }
                }
                loo += ds.get(held).get(band + "@" + best) == truth.get(held) ? 1 : 0;
            }
            row.append(' ').append(loo).append("/10 |");
            System.out.println(row);
        }
    }

    /** Right/total; {@code only} a condition (>= 0), every condition but {@code -only-2} (<= -2), or all (-1). */
    static int[] count(List<Case> cases, String band, double t, Verdict v, int only, boolean weakest) {
        int right = 0;
        int total = 0;
        for (Case c : cases) {
            boolean in = only == -1 || (only >= 0 ? c.condition() == only : c.condition() != -only - 2);
            if (c.truth() == v && in && (c.impact() < 1) == weakest) {
                total++;
                right += c.at(band, t) == v ? 1 : 0;
            }
        }
        return new int[] {right, total};
    }

    static double fraction(List<Case> cases, String band, double t, Verdict v, int only) {
        int[] rt = count(cases, band, t, v, only, false);
        return rt[1] == 0 ? 0 : rt[0] / (double) rt[1];
    }

    static String rate(List<Case> cases, String band, double t, Verdict v, int only, boolean weakest) {
        int[] rt = count(cases, band, t, v, only, weakest);
        return rt[0] + "/" + rt[1];
    }
}
