package org.bearingworkbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.bearingworkbench.features.Feature;
import org.bearingworkbench.features.FeatureTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the feature columns that feed the model: names or globs ({@code *_mean_abs}, {@code Bearing*}). */
public final class ColumnSelection {
    private static final Logger LOG = LoggerFactory.getLogger(ColumnSelection.class);

    private ColumnSelection() {}

    /**
     * The default where the bearing is known: the envelope's outer-race, inner-race and ball indicators and mean |x|
     * of every channel (decision 0025: on the PRONOSTIA runs to failure they warn earlier than mean |x| alone, with no
     * alarm before half-life).
     */
    public static final String WITH_DEFECT_INDICATORS = "*_bpfo,*_bpfi,*_bsf,*_mean_abs";

    /**
     * The default columns: {@link #WITH_DEFECT_INDICATORS} when the table has the defect indicators (degenerate ones
     * left out), else mean_abs of every channel (the IMS study's choice); for a foreign table without channel
     * columns, all columns.
     */
    public static List<String> defaults(FeatureTable table) {
        return hasDefectIndicators(table) ? resolve(table, WITH_DEFECT_INDICATORS) : study(table);
    }

    /**
     * The IMS study's choice (its Keras model reads these): mean_abs of every channel; for a foreign table without
     * channel columns, all columns.
     */
    public static List<String> study(FeatureTable table) {
        List<String> cols = new ArrayList<>();
        for (int ch : table.channels()) {
            String name = Feature.MEAN_ABS.column(ch);
            if (table.hasColumn(name)) {
                cols.add(name);
            }
        }
        return cols.isEmpty() ? table.featureColumns() : cols;
    }

    private static final Pattern DEFECT_INDICATOR = Pattern.compile("_(bpfo|bpfi|bsf|2bsf|ftf)$");

    /** Whether a column name or glob names a bearing defect indicator ({@code ch1_bpfo}, {@code *_ftf}). */
    public static boolean namesDefectIndicator(String nameOrGlob) {
        return DEFECT_INDICATOR.matcher(nameOrGlob.trim()).find();
    }

    /** Whether the table holds the bearing defect indicators the default takes ({@code chN_bpfo, _bpfi, _bsf}). */
    public static boolean hasDefectIndicators(FeatureTable table) {
        for (String measure : List.of("_bpfo", "_bpfi", "_bsf")) {
            if (table.featureColumns().stream().noneMatch(c -> c.startsWith("ch") && c.endsWith(measure))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves comma-separated names/globs against the table, in the order given; each must match something. A glob
     * leaves out the degenerate columns it matches, with a warning: a column constant over the table (a defect
     * indicator that is all 0 when the spectrum is too coarse for its line) or equal value for value to one chosen
     * before it. A column named exactly is always taken.
     */
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
            boolean isGlob = p.contains("*") || p.contains("?");
            Pattern glob =
                    Pattern.compile(("\\Q" + p + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
            List<String> matched = new ArrayList<>();
            List<String> degenerate = new ArrayList<>();
            for (String c : table.featureColumns()) {
                if (glob.matcher(c).matches()) {
                    matched.add(c);
                    String why = isGlob ? degenerate(table, c, out) : null;
                    if (why == null) {
                        out.add(c);
                    } else {
                        degenerate.add(c + " (" + why + ")");
                    }
                }
            }
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(
                        "columns: '" + p + "' matches no column (have " + abbreviate(table.featureColumns()) + ")");
            }
            if (!degenerate.isEmpty()) {
                LOG.warn("columns: '{}' leaves out {}", p, String.join(", ", degenerate));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "columns: '" + spec + "' leaves only degenerate columns (constant, or" + " the same as another)");
        }
        return new ArrayList<>(out);
    }

    /**
     * The shortest spec for {@code columns}: a measure taken on every channel of the table ({@code ch1_rms ..
     * ch4_rms}) as its glob ({@code *_rms}), so that the spec still reads on a data set with other channels; other
     * columns by name. {@code resolve(table, compact(table, c))} gives {@code c}'s columns.
     */
    public static String compact(FeatureTable table, List<String> columns) {
        List<String> parts = new ArrayList<>();
        LinkedHashSet<String> done = new LinkedHashSet<>();
        for (String c : columns) {
            if (done.contains(c)) {
                continue;
            }
            String measure = c.matches("ch\\d+_.+") ? c.substring(c.indexOf('_') + 1) : null;
            List<String> all = measure == null
                    ? List.of()
                    : table.channels().stream()
                            .map(ch -> "ch" + ch + "_" + measure)
                            .toList();
            boolean whole = !all.isEmpty()
                    && columns.containsAll(all)
                    && table.featureColumns().stream()
                            .filter(f -> f.endsWith("_" + measure))
                            .allMatch(all::contains)
                    && columns.subList(columns.indexOf(c), Math.min(columns.size(), columns.indexOf(c) + all.size()))
                            .equals(all);
            if (whole) {
                parts.add("*_" + measure);
                done.addAll(all);
            } else {
                parts.add(c);
                done.add(c);
            }
        }
        return String.join(",", parts);
    }

    /** Why a column is no use to a model: constant, or the same as one already chosen; null when it is fine. */
    static String degenerate(FeatureTable table, String column, Collection<String> chosen) {
        double[] v = table.column(column);
        boolean constant = true;
        for (int i = 1; i < v.length && constant; i++) {
            constant = Double.compare(v[i], v[0]) == 0;
        }
        if (constant) {
            return "constant " + v[0];
        }
        for (String c : chosen) {
            if (Arrays.equals(v, table.column(c))) {
                return "the same as " + c;
            }
        }
        return null;
    }

    private static String abbreviate(List<String> cols) {
        return cols.size() <= 10 ? cols.toString() : cols.subList(0, 10) + " and " + (cols.size() - 10) + " more";
    }
}
