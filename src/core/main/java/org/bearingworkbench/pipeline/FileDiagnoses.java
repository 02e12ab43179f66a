package org.bearingworkbench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.bearingworkbench.dataset.DataSetDescription;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.dataset.ValueSource;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.io.SkippedFile;
import org.bearingworkbench.io.SnapshotReader;
import org.bearingworkbench.io.formats.Formats;
import org.bearingworkbench.io.formats.MatFormat;
import org.bearingworkbench.io.formats.SignalView;
import org.bearingworkbench.io.formats.SnapshotFormat;
import org.bearingworkbench.io.formats.SnapshotRef;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.diagnosis.Diagnoser;
import org.bearingworkbench.signal.diagnosis.Diagnosis;
import org.bearingworkbench.signal.diagnosis.ShaftSpeed;
import org.bearingworkbench.signal.diagnosis.Verdict;

/**
 * Diagnoses files one by one, each with its own length, sample rate and shaft speed (a MATLAB file's own
 * {@code RPM}, {@code rate} or {@code sr} variables), as {@code envelope}, {@code diagnose} and the window's Signals
 * pane do. A stated sample rate that contradicts the file's own is refused unless the user overrides it.
 */
public final class FileDiagnoses {
    /** A rate the user gives may differ from the file's by this much (rounding) before it is a contradiction. */
    static final double RATE_AGREEMENT = 0.005;

    /** One channel of one file, diagnosed, with where its sample rate and shaft speed came from. */
    public record Row(
            String file,
            int channel,
            String channelLabel,
            int samples,
            double sampleRate,
            String sampleRateSource,
            double rpm,
            String rpmSource,
            Diagnosis diagnosis) {}

    /** What the user asks: the settings they state, the channels, and whether their sample rate overrides a file's. */
    public record Request(UserSettings given, String channels, boolean overrideRate, Diagnoser diagnoser) {}

    private FileDiagnoses() {}

    /** The files {@code source} holds (itself when it is a file), with the format that reads them. */
    public static List<Row> of(Path source, Request request, List<SkippedFile> skipped) throws InputFormatException {
        boolean single = Files.isRegularFile(source);
        if (!single && !Files.isDirectory(source)) {
            throw new InputFormatException(source + ": no such file or directory");
        }
        Path dir = single ? source.toAbsolutePath().getParent() : source;
        UserSettings settings = DataSets.withRemembered(dir, request.given());
        SnapshotFormat format = formatOf(source, dir, settings, single);
        List<SnapshotRef> refs = single
                ? List.of(new SnapshotRef(source, source.getFileName().toString(), null, 0))
                : format.files(dir, skipped);
        if (refs.isEmpty()) {
            throw new InputFormatException(dir + ": no " + format.label() + " files to diagnose");
        }
        SnapshotReader reader = new SnapshotReader();
        // read only when a file states no speed of its own
        Supplier<FolderSpeed> prior =
                memoized(() -> settings.rpm() != null ? null : folderRpm(dir, format, single ? null : refs, reader));
        List<Row> out = new ArrayList<>();
        for (SnapshotRef ref : refs) {
            try {
                out.addAll(file(dir, ref, format, reader, settings, request, prior));
            } catch (InputFormatException | IllegalArgumentException e) {
                if (single) {
                    throw e;
                }
                // a file of the folder that cannot be judged is a row that says so, never a row left out
                String why = e.getMessage().startsWith(ref.name() + ": ")
                        ? e.getMessage().substring(ref.name().length() + 2)
                        : e.getMessage();
                out.add(new Row(ref.name(), 0, "", 0, Double.NaN, "", Double.NaN, "", Diagnosis.unknown(why)));
            }
        }
        return out;
    }

    private static SnapshotFormat formatOf(Path source, Path dir, UserSettings settings, boolean single) {
        if (settings.format() != null) {
            return Formats.choose(dir, settings);
        }
        if (single && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            return Formats.require("mat");
        }
        return Formats.detect(dir);
    }

    private static List<Row> file(
            Path dir,
            SnapshotRef ref,
            SnapshotFormat format,
            SnapshotReader reader,
            UserSettings settings,
            Request request,
            Supplier<FolderSpeed> prior)
            throws InputFormatException {
        SignalView view = format.read(ref, reader);
        DataSetDescription stated = format.describe(dir, List.of(ref), view);
        checkRate(ref.name(), stated, settings, request.overrideRate());
        DataSetDescription d = settings.applyTo(stated);
        if (!d.sampleRateHz().known()) {
            throw new InputFormatException(ref.name() + ": the sample rate is not stated by the file or the format: "
                    + "give --sample-rate HZ");
        }
        if (!d.bearing().known()) {
            throw new InputFormatException(
                    ref.name() + ": a diagnosis needs the bearing: give --bearing PRESET or " + "N,d,D,angle");
        }
        double fs = d.sampleRateHz().value();
        BearingGeometry g = d.rpm().known() ? d.bearing().value().at(d.rpm().value()) : null;
        MatFormat.Contents stating = statingVariables(d, ref);
        String rateSource = source(d.sampleRateHz().source(), stating == null ? "" : stating.rateVariable());
        String rpmSource =
                d.rpm().known() ? source(d.rpm().source(), stating == null ? "" : stating.rpmVariable()) : "unknown";
        List<Row> rows = new ArrayList<>();
        int samples = view.rows();
        List<Integer> chosen = ChannelChoice.resolve(request.channels(), d.channels());
        FolderSpeed folder = g == null && !chosen.isEmpty() ? prior.get() : null;
        Diagnoser diagnoser = request.diagnoser();
        if (folder != null) {
            OptionalDouble hz = ShaftSpeed.refine(view.channel(chosen.get(0)), samples, fs, folder.rpm() / 60, SPAN);
            if (hz.isPresent()) {
                g = d.bearing().value().at(hz.getAsDouble() * 60);
                rpmSource = String.format(
                        Locale.ROOT,
                        "read from the signal's shaft lines near the %.0f rpm of the " + "folder's other files",
                        folder.rpm());
            } else {
                // the machine's speed without this file's: the slip tolerance widened by the folder's spread
                g = d.bearing().value().at(folder.rpm());
                double tolerance = Math.min(0.19, diagnoser.tolerance() + folder.spread());
                diagnoser = new Diagnoser(diagnoser.harmonics(), tolerance, diagnoser.band(), diagnoser.threshold());
                rpmSource = String.format(
                        Locale.ROOT,
                        "the median of the folder's other files (%.0f rpm; no clear "
                                + "shaft line in this file), slip tolerance widened to %.1f%%",
                        folder.rpm(),
                        100 * tolerance);
            }
        }
        for (int c : chosen) {
            double[] x = view.channel(c);
            Diagnosis dg = diagnoser.diagnose(x, samples, fs, g);
            String label = d.channels().get(c).label();
            rows.add(new Row(
                    ref.name(),
                    c + 1,
                    label.isEmpty() ? d.channels().get(c).name() : label,
                    samples,
                    fs,
                    rateSource,
                    g == null ? Double.NaN : g.rpm(),
                    rpmSource,
                    dg));
        }
        return sameDefectElsewhere(rows);
    }

    /**
     * Bearings on one shaft share their defect frequencies, and a defect's impacts travel to the other sensors: where
     * several channels of one file show the same defect, each but the strongest says where it is strongest.
     */
    static List<Row> sameDefectElsewhere(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            Verdict v = r.diagnosis().verdict();
            Row strongest = r;
            for (Row o : rows) {
                if (o.diagnosis().verdict() == v && strength(o) > strength(strongest)) {
                    strongest = o;
                }
            }
            if (!v.isDefect() || strongest == r) {
                out.add(r);
                continue;
            }
            String note = String.format(
                    Locale.ROOT,
                    "the same %s series is stronger on ch%d (its lines %.1f times their floors in all, against %.1f "
                            + "here): it may travel from that bearing",
                    v.name(),
                    strongest.channel(),
                    strength(strongest),
                    strength(r));
            out.add(new Row(
                    r.file(),
                    r.channel(),
                    r.channelLabel(),
                    r.samples(),
                    r.sampleRate(),
                    r.sampleRateSource(),
                    r.rpm(),
                    r.rpmSource(),
                    r.diagnosis().withNote(note)));
        }
        return out;
    }

    /** How strongly a verdict's series stands out: its lines' amplitudes over their floors, added (not capped). */
    static double strength(Row r) {
        return r.diagnosis().evidence().stream().mapToDouble(l -> l.overFloor()).sum();
    }

    private static <T> Supplier<T> memoized(Supplier<T> s) {
        Object[] box = new Object[1];
        boolean[] done = new boolean[1];
        return () -> {
            if (!done[0]) {
                box[0] = s.get();
                done[0] = true;
            }
            @SuppressWarnings("unchecked")
            T t = (T) box[0];
            return t;
        };
    }

    /** How far from the folder's speed a file's shaft line is looked for (loads change an induction motor's speed). */
    static final double SPAN = 0.05;

    /**
     * The median shaft speed the folder's files state themselves (a MATLAB file's RPM scalar), or null: the prior for
     * a file of the same machine that states none. {@code refs} null means list the folder.
     */
    /** The speed a folder's files state: their median, and how far the farthest lies from it (a fraction). */
    record FolderSpeed(double rpm, double spread) {}

    static FolderSpeed folderRpm(Path dir, SnapshotFormat format, List<SnapshotRef> refs, SnapshotReader reader) {
        List<SnapshotRef> all = refs;
        if (all == null) {
            try {
                all = format.files(dir, new ArrayList<>());
            } catch (InputFormatException e) {
                return null;
            }
        }
        List<Double> stated = new ArrayList<>();
        for (SnapshotRef r : all) {
            try {
                DataSetDescription d = format.describe(dir, List.of(r), format.read(r, reader));
                if (d.rpm().known() && d.rpm().source() == ValueSource.FORMAT) {
                    stated.add(d.rpm().value());
                }
            } catch (InputFormatException | RuntimeException e) {
                // a file that cannot be read gives no speed
            }
        }
        if (stated.isEmpty()) {
            return null;
        }
        stated.sort(Double::compare);
        double median = stated.get(stated.size() / 2);
        double spread = Math.max(median - stated.get(0), stated.get(stated.size() - 1) - median) / median;
        return new FolderSpeed(median, spread);
    }

    /** Refuses a stated sample rate that contradicts the one the file states, unless overridden. */
    private static void checkRate(String file, DataSetDescription stated, UserSettings settings, boolean override)
            throws InputFormatException {
        Double given = settings.sampleRateHz();
        if (override
                || given == null
                || !stated.sampleRateHz().known()
                || stated.sampleRateHz().source() != ValueSource.FORMAT) {
            return;
        }
        double own = stated.sampleRateHz().value();
        if (Math.abs(given - own) > RATE_AGREEMENT * own) {
            throw new InputFormatException(String.format(
                    Locale.ROOT,
                    "%s: --sample-rate %s Hz contradicts the file's own sample rate of %s Hz; leave the option out "
                            + "to use the file's, or add --override-sample-rate to use yours",
                    file,
                    trim(given),
                    trim(own)));
        }
    }

    /**
     * The MATLAB variables that stated a value of {@code d} (read once, for the words "the file's bearing.sr"), or
     * null when the format stated nothing or the file is no MATLAB file.
     */
    private static MatFormat.Contents statingVariables(DataSetDescription d, SnapshotRef ref) {
        boolean stated =
                d.sampleRateHz().source() == ValueSource.FORMAT || d.rpm().source() == ValueSource.FORMAT;
        if (!stated
                || !ref.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            return null;
        }
        try {
            return MatFormat.contents(ref.path());
        } catch (InputFormatException e) {
            return null;
        }
    }

    private static String source(ValueSource s, String variable) {
        return s == ValueSource.FORMAT && !variable.isEmpty() ? "the file's " + variable : s.words();
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
