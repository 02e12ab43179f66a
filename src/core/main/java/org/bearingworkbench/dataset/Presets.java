package org.bearingworkbench.dataset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bearingworkbench.signal.BearingDesign;

/**
 * The public rigs' known facts, as descriptions: IMS (Rexnord ZA-2115, 2000 rpm, 20 kHz: docs/decisions/0007),
 * PRONOSTIA / FEMTO (25.6 kHz, its three operating conditions) and XJTU-SY (25.6 kHz, LDK UER204, its three
 * conditions). Every value stays editable; a preset's values are marked {@link ValueSource#PRESET}.
 */
public final class Presets {
    /** IMS sample rate (the IMS documentation's 20 kHz; the evidence is in docs/decisions/0007). */
    public static final double IMS_SAMPLE_RATE = 20_000;

    private static final Map<String, BearingDesign> BEARINGS = new LinkedHashMap<>();

    static {
        BEARINGS.put("za-2115", BearingDesign.rexnordZa2115());
        BEARINGS.put("pronostia", BearingDesign.pronostia());
        BEARINGS.put("uer204", BearingDesign.ldkUer204());
    }

    private Presets() {}

    /** Bearing presets by name: {@code za-2115} (IMS), {@code pronostia}, {@code uer204} (XJTU-SY). */
    public static Map<String, BearingDesign> bearings() {
        return Map.copyOf(BEARINGS);
    }

    public static Optional<BearingDesign> bearing(String name) {
        return Optional.ofNullable(BEARINGS.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * IMS: {@code channels} channels (4: one per bearing, tests 2 and 3; 8: two per bearing, x and y, test 1),
     * 2000 rpm, Rexnord ZA-2115, acceleration in g.
     */
    public static DataSetDescription ims(int channels, Integer samples, Duration interval) {
        List<ChannelInfo> ch = new ArrayList<>();
        for (int i = 1; i <= channels; i++) {
            ch.add(
                    channels == 8
                            ? new ChannelInfo("ch" + i, "", (i + 1) / 2, i % 2 == 1 ? "x" : "y")
                            : new ChannelInfo("ch" + i, "", i, ""));
        }
        return new DataSetDescription(
                new Sourced<>("ims", ValueSource.DETECTED),
                "IMS (Rexnord ZA-2115, 2000 rpm)",
                new Sourced<>(IMS_SAMPLE_RATE, ValueSource.PRESET),
                Sourced.of(samples, ValueSource.DETECTED),
                Sourced.of(interval, ValueSource.DETECTED),
                ch,
                channels == 4 || channels == 8 ? ValueSource.PRESET : ValueSource.DETECTED,
                new Sourced<>("g", ValueSource.PRESET),
                new Sourced<>(2000.0, ValueSource.PRESET),
                new Sourced<>(BearingDesign.rexnordZa2115(), ValueSource.PRESET));
    }

    /** PRONOSTIA operating conditions 1-3 (IEEE PHM 2012): 1800 rpm / 4000 N, 1650 / 4200 N, 1500 / 5000 N. */
    public static double pronostiaRpm(int condition) {
        return switch (condition) {
            case 1 -> 1800;
            case 2 -> 1650;
            case 3 -> 1500;
            default ->
                throw new IllegalArgumentException("PRONOSTIA operating condition: 1, 2 or 3 (got " + condition + ")");
        };
    }

    /** XJTU-SY operating conditions 1-3: 2100 rpm / 12 kN, 2250 / 11 kN, 2400 / 10 kN. */
    public static double xjtuRpm(int condition) {
        return switch (condition) {
            case 1 -> 2100;
            case 2 -> 2250;
            case 3 -> 2400;
            default ->
                throw new IllegalArgumentException("XJTU-SY operating condition: 1, 2 or 3 (got " + condition + ")");
        };
    }

    /**
     * The operating condition a PRONOSTIA or XJTU-SY bearing directory's name states ({@code Bearing3_1} or
     * {@code Bearing2_5} is condition 3 or 2), if it follows the public sets' naming.
     */
    public static Optional<Integer> conditionFromName(String directoryName) {
        var m = Pattern.compile("(?i)bearing\\s*([123])_\\d+").matcher(directoryName);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
