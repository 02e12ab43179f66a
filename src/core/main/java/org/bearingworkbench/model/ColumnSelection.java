package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;

/** Chooses the feature columns that feed the model: names or globs ({@code *_mean_abs}, {@code Bearing*}). */
public final class ColumnSelection {
    private ColumnSelection() {}

    /** The study's choice: mean_abs of every channel; for a foreign table without channel columns, all columns. */
    public static List<String> defaults(FeatureTable table) {
        List<String> cols = new ArrayList<>();
        for (int ch : table.channels()) {
            String name = Feature.MEAN_ABS.column(ch);
            if (table.hasColumn(name)) {
                cols.add(name);
            }
        }
        return cols.isEmpty() ? table.featureColumns() : cols;
    }

    /** Resolves comma-separated names/globs against the table, in the order given; each must match something. */
    public static List<String> resolve(FeatureTable table, String spec) {
        if (spec == null || spec.isBlank()) {
            return defaults(table);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Pattern glob =
                    Pattern.compile(("\\Q" + p + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
            boolean any = false;
            for (String c : table.featureColumns()) {
                if (glob.matcher(c).matches()) {
                    out.add(c);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException(
                        "columns: '" + p + "' matches no column (have " + abbreviate(table.featureColumns()) + ")");
            }
        }
        return new ArrayList<>(out);
    }

    private static String abbreviate(List<String> cols) {
        return cols.size() <= 10 ? cols.toString() : cols.subList(0, 10) + " and " + (cols.size() - 10) + " more";
    }
}
