package org.bearingworkbench.dataset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bearingworkbench.signal.BearingDesign;
import org.bearingworkbench.signal.BearingGeometry;
import org.bearingworkbench.signal.PhysicsSettings;

/**
 * What an opened data set is, physically: its format, sample rate, samples per snapshot, snapshot interval, channels
 * (name, bearing, axis), the signal's unit, shaft speed and bearing design, each with where it came from. Immutable;
 * the {@code with...} methods give a changed copy (a user's correction is {@link ValueSource#USER}). Everything
 * that needs physics (envelope analysis, defect frequencies, axes) reads it from here, never from a constant.
 */
public record DataSetDescription(
        Sourced<String> format,
        String preset,
        Sourced<Double> sampleRateHz,
        Sourced<Integer> samplesPerSnapshot,
        Sourced<Duration> interval,
        List<ChannelInfo> channels,
        ValueSource channelsSource,
        Sourced<String> unit,
        Sourced<Double> rpm,
        Sourced<BearingDesign> bearing) {
    public DataSetDescription {
        channels = List.copyOf(channels);
        preset = preset == null ? "" : preset;
        if (sampleRateHz.known() && !(sampleRateHz.value() > 0 && Double.isFinite(sampleRateHz.value()))) {
            throw new IllegalArgumentException(
                    "sample rate: a positive number of Hz (got " + sampleRateHz.value() + ")");
        }
        if (rpm.known() && !(rpm.value() > 0 && Double.isFinite(rpm.value()))) {
            throw new IllegalArgumentException("shaft speed: a positive number of rpm (got " + rpm.value() + ")");
        }
    }

    /** A data set known only by its feature columns (a feature CSV): channels as their columns name them. */
    public static DataSetDescription ofFeatureTable(String format, List<Integer> channelNumbers) {
        List<ChannelInfo> ch = new ArrayList<>();
        for (int n : channelNumbers) {
            ch.add(new ChannelInfo("ch" + n, "", n, ""));
        }
        return new DataSetDescription(
                new Sourced<>(format, ValueSource.DETECTED),
                "",
                Sourced.unknown(),
                Sourced.unknown(),
                Sourced.unknown(),
                ch,
                ch.isEmpty() ? ValueSource.UNKNOWN : ValueSource.DETECTED,
                Sourced.unknown(),
                Sourced.unknown(),
                Sourced.unknown());
    }

    public int channelCount() {
        return channels.size();
    }

    /** The bearing geometry at the shaft speed, when both are known. */
    public Optional<BearingGeometry> geometry() {
        if (!bearing.known() || !rpm.known()) {
            return Optional.empty();
        }
        return Optional.of(bearing.value().at(rpm.value()));
    }

    /**
     * Physics settings for this data set: its sample rate and bearing at its speed, the rest from {@code base}
     * (band, harmonics, tolerance, bins); the band is clipped to the Nyquist frequency.
     *
     * @throws IllegalStateException naming what is missing (a sample rate, a bearing, a shaft speed) and how to give it
     */
    public PhysicsSettings physics(PhysicsSettings base) {
        List<String> missing = missingForPhysics();
        if (!missing.isEmpty()) {
            Map<String, String> option = Map.of(
                    "sample rate",
                    "--sample-rate HZ",
                    "shaft speed",
                    "--rpm N",
                    "bearing",
                    "--bearing PRESET or N,d,D,angle");
            throw new IllegalStateException("bearing physics needs "
                    + String.join(
                            ", ",
                            missing.stream()
                                    .map(m -> "the " + m + " (" + option.get(m) + ")")
                                    .toList()) + " of " + format.value()
                    + " data; none is stated by the format");
        }
        double fs = sampleRateHz.value();
        double hi = Math.min(base.bandHighHz(), fs / 2);
        double lo = Math.min(base.bandLowHz(), hi / 2);
        return new PhysicsSettings(
                geometry().orElseThrow(), lo, hi, fs, base.harmonics(), base.tolerance(), base.spectrogramBins());
    }

    /** What physics still needs that is unknown: "sample rate", "shaft speed", "bearing" (in that order). */
    public List<String> missingForPhysics() {
        List<String> out = new ArrayList<>();
        if (!sampleRateHz.known()) {
            out.add("sample rate");
        }
        if (!rpm.known()) {
            out.add("shaft speed");
        }
        if (!bearing.known()) {
            out.add("bearing");
        }
        return out;
    }

    public DataSetDescription withSampleRate(double hz, ValueSource source) {
        return new DataSetDescription(
                format,
                preset,
                Sourced.of(hz, source),
                samplesPerSnapshot,
                interval,
                channels,
                channelsSource,
                unit,
                rpm,
                bearing);
    }

    public DataSetDescription withRpm(double value, ValueSource source) {
        return new DataSetDescription(
                format,
                preset,
                sampleRateHz,
                samplesPerSnapshot,
                interval,
                channels,
                channelsSource,
                unit,
                Sourced.of(value, source),
                bearing);
    }

    public DataSetDescription withBearing(BearingDesign design, ValueSource source) {
        return new DataSetDescription(
                format,
                preset,
                sampleRateHz,
                samplesPerSnapshot,
                interval,
                channels,
                channelsSource,
                unit,
                rpm,
                Sourced.of(design, source));
    }

    /**
     * How many consecutive channels each bearing has, when the channels' bearings say so (every channel's bearing
     * known, channel i on bearing i / k + 1): 2 for PRONOSTIA (horizontal and vertical of one bearing) and IMS test 1,
     * 1 for IMS tests 2 and 3; empty when unknown or not of that form.
     */
    public OptionalInt channelsPerBearing() {
        int n = channels.size();
        if (n == 0 || channels.stream().anyMatch(c -> c.bearing() < 1)) {
            return OptionalInt.empty();
        }
        long bearings =
                channels.stream().mapToInt(ChannelInfo::bearing).distinct().count();
        if (n % bearings != 0) {
            return OptionalInt.empty();
        }
        int k = (int) (n / bearings);
        for (int i = 0; i < n; i++) {
            if (channels.get(i).bearing() != i / k + 1) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(k);
    }

    /** {@code given} when set, else {@link #channelsPerBearing()}, else 1. */
    public int channelsPerBearing(Integer given) {
        return given != null ? given : channelsPerBearing().orElse(1);
    }

    public DataSetDescription withUnit(String value, ValueSource source) {
        return new DataSetDescription(
                format,
                preset,
                sampleRateHz,
                samplesPerSnapshot,
                interval,
                channels,
                channelsSource,
                Sourced.of(value, source),
                rpm,
                bearing);
    }

    /**
     * How data described by {@code other} differs from this (a model's training data) in what a model depends on:
     * format, sample rate, samples per snapshot, channel count. Empty when they match or are unknown.
     */
    public List<String> differencesFrom(DataSetDescription other) {
        List<String> out = new ArrayList<>();
        if (sampleRateHz.known()
                && other.sampleRateHz.known()
                && Math.abs(sampleRateHz.value() - other.sampleRateHz.value()) > 1e-9 * sampleRateHz.value()) {
            out.add("sample rate " + hz(other.sampleRateHz.value()) + " where the model's data had "
                    + hz(sampleRateHz.value()));
        }
        if (samplesPerSnapshot.known()
                && other.samplesPerSnapshot.known()
                && !samplesPerSnapshot.value().equals(other.samplesPerSnapshot.value())) {
            out.add(other.samplesPerSnapshot.value() + " samples per snapshot where the model's data had "
                    + samplesPerSnapshot.value());
        }
        if (!channels.isEmpty() && !other.channels.isEmpty() && channels.size() != other.channels.size()) {
            out.add(other.channels.size() + " channels where the model's data had " + channels.size());
        }
        return out;
    }

    /** One line per value with its source, for report headers and the CLI. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("format: " + format + (preset.isEmpty() ? "" : ", preset " + preset));
        out.add("sample_rate_hz: " + sampleRateHz);
        out.add("samples_per_snapshot: " + samplesPerSnapshot);
        out.add("snapshot_interval: "
                + (interval.known()
                        ? duration(interval.value()) + " (" + interval.source().words() + ")"
                        : "unknown"));
        StringBuilder ch = new StringBuilder("channels: ");
        for (int i = 0; i < channels.size(); i++) {
            ChannelInfo c = channels.get(i);
            ch.append(i > 0 ? ", " : "").append(c.name());
            if (!c.label().isEmpty()) {
                ch.append(" '").append(c.label()).append('\'');
            }
            ch.append(c.bearing() > 0 ? " bearing " + c.bearing() : "")
                    .append(c.axis().isEmpty() ? "" : " " + c.axis());
        }
        out.add(ch + " (" + channelsSource.words() + ")");
        out.add("unit: " + unit);
        out.add("shaft_rpm: " + rpm);
        out.add("bearing: "
                + (bearing.known()
                        ? bearing.value().name() + " (" + bearing.value().rollingElements()
                                + " elements, " + bearing.value().elementDiameter() + " on "
                                + bearing.value().pitchDiameter() + ", "
                                + bearing.value().contactAngleDegrees() + " deg; "
                                + bearing.source().words() + ")"
                        : "unknown"));
        return out;
    }

    private static String hz(double v) {
        return String.format(Locale.ROOT, "%.6g Hz", v);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + " min";
        }
        return d.toMillis() % 1000 == 0 ? s + " s" : d.toMillis() / 1000.0 + " s";
    }
}
