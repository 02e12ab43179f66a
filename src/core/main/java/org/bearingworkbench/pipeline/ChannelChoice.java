package org.bearingworkbench.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.bearingworkbench.dataset.ChannelInfo;

/**
 * Which channels a user means: a 1-based number ({@code 2}), a channel's name or label ({@code ch2},
 * {@code X130_DE_time}), or a role that is one part of the labels ({@code DE} matches {@code X130_DE_time}, parts
 * split at {@code _}, {@code .}, {@code -} and spaces); {@code all} or nothing for every channel.
 */
public final class ChannelChoice {
    private ChannelChoice() {}

    /** The 0-based channels {@code spec} names among {@code channels}; an error names what there is. */
    public static List<Integer> resolve(String spec, List<ChannelInfo> channels) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            all.add(i);
        }
        if (spec == null || spec.isBlank() || spec.equalsIgnoreCase("all")) {
            return all;
        }
        String s = spec.trim();
        if (s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s);
            if (n < 1 || n > channels.size()) {
                throw new IllegalArgumentException("--channel " + s + ": the data has channels 1 to " + channels.size()
                        + " (" + describe(channels) + ")");
            }
            return List.of(n - 1);
        }
        for (int i = 0; i < channels.size(); i++) {
            ChannelInfo c = channels.get(i);
            if (c.name().equalsIgnoreCase(s) || c.label().equalsIgnoreCase(s)) {
                return List.of(i);
            }
        }
        List<Integer> byRole = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            for (String part : channels.get(i).label().split("[_.\\- ]")) {
                if (part.equalsIgnoreCase(s)) {
                    byRole.add(i);
                    break;
                }
            }
        }
        if (byRole.size() == 1) {
            return byRole;
        }
        throw new IllegalArgumentException("--channel " + s + ": "
                + (byRole.isEmpty() ? "no channel is named so" : byRole.size() + " channels match it")
                + " (the data has " + describe(channels) + "); give a number, a name or a role such as DE");
    }

    static String describe(List<ChannelInfo> channels) {
        List<String> out = new ArrayList<>();
        for (ChannelInfo c : channels) {
            out.add(c.label().isEmpty() ? c.name() : c.name() + " = " + c.label());
        }
        return out.isEmpty() ? "no channels" : String.join(", ", out);
    }
}
