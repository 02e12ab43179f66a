package org.bearingworkbench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.bearingworkbench.signal.BearingDesign;

/**
 * A description as a JSON object (a model bundle's {@code trained_on}): each stated value with its source, the
 * channels and the bearing as objects of their own, so that no name needs escaping. {@link #read} gives back an equal
 * description.
 */
public final class DescriptionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DescriptionJson() {}

    public static ObjectNode write(DataSetDescription d) {
        ObjectNode o = F.objectNode();
        sourced(o, "format", d.format(), F::textNode);
        o.put("preset", d.preset());
        sourced(o, "sample_rate_hz", d.sampleRateHz(), F::numberNode);
        sourced(o, "samples_per_snapshot", d.samplesPerSnapshot(), F::numberNode);
        sourced(o, "interval_ms", d.interval(), v -> F.numberNode(v.toMillis()));
        var channels = o.putArray("channels");
        for (ChannelInfo c : d.channels()) {
            channels.addObject()
                    .put("name", c.name())
                    .put("label", c.label())
                    .put("bearing", c.bearing())
                    .put("axis", c.axis());
        }
        o.put("channels_source", d.channelsSource().name());
        sourced(o, "unit", d.unit(), F::textNode);
        sourced(o, "rpm", d.rpm(), F::numberNode);
        sourced(
                o,
                "bearing",
                d.bearing(),
                b -> F.objectNode()
                        .put("name", b.name())
                        .put("rolling_elements", b.rollingElements())
                        .put("element_diameter", b.elementDiameter())
                        .put("pitch_diameter", b.pitchDiameter())
                        .put("contact_angle_deg", b.contactAngleDegrees()));
        return o;
    }

    /** The description {@link #write} wrote; a missing or mistyped field is an {@link IllegalArgumentException}. */
    public static DataSetDescription read(JsonNode o) {
        List<ChannelInfo> ch = new ArrayList<>();
        for (JsonNode c : o.path("channels")) {
            ch.add(new ChannelInfo(
                    text(c, "name"), text(c, "label"), c.path("bearing").asInt(), text(c, "axis")));
        }
        return new DataSetDescription(
                sourced(o, "format", (n, k) -> text(n, k)),
                o.path("preset").asText(""),
                sourced(o, "sample_rate_hz", (n, k) -> number(n, k)),
                sourced(o, "samples_per_snapshot", (n, k) -> (int) number(n, k)),
                sourced(o, "interval_ms", (n, k) -> Duration.ofMillis((long) number(n, k))),
                ch,
                ValueSource.valueOf(o.path("channels_source").asText("UNKNOWN")),
                sourced(o, "unit", (n, k) -> text(n, k)),
                sourced(o, "rpm", (n, k) -> number(n, k)),
                sourced(o, "bearing", (n, k) -> {
                    JsonNode b = n.get(k);
                    return new BearingDesign(
                            text(b, "name"),
                            (int) number(b, "rolling_elements"),
                            number(b, "element_diameter"),
                            number(b, "pitch_diameter"),
                            number(b, "contact_angle_deg"));
                }));
    }

    private static <T> void sourced(ObjectNode o, String key, Sourced<T> v, Function<T, JsonNode> value) {
        ObjectNode s = o.putObject(key);
        if (v.known()) {
            s.set("value", value.apply(v.value()));
        }
        s.put("source", v.source().name());
    }

    private static <T> Sourced<T> sourced(JsonNode o, String key, BiFunction<JsonNode, String, T> value) {
        JsonNode s = o.path(key);
        return s.has("value")
                ? new Sourced<>(
                        value.apply(s, "value"),
                        ValueSource.valueOf(s.path("source").asText("UNKNOWN")))
                : Sourced.unknown();
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is not a text");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' is not a number");
        }
        return v.asDouble();
    }
}
