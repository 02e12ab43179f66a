package org.bearingworkbench.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Compares two fleet outputs (scripts/fleet/standalone.sh: a cluster's against local mode's): every Parquet table
 * has the same rows and values (as multisets: the order of rows and the files' layout may differ) and every
 * machine's report the same lines but those that say where and when it was made. With a third argument, the
 * reports also against the command line's ({@code <dir>/<machine>.csv}). Prints one line per table and {@code
 * identical: true|false} last; exits 0 when identical.
 */
public final class FleetOutputsCompare {
    private static final List<String> TABLES = List.of("features", "scores", "episodes", "summary");

    private FleetOutputsCompare() {}

    public static void main(String[] args) throws Exception {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        Path cli = args.length > 2 ? Path.of(args[2]) : null;
        boolean same = true;
        SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .appName("fleet-outputs-compare")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            for (String t : TABLES) {
                Dataset<Row> x = comparable(spark.read().parquet(a.resolve(t).toString()));
                Dataset<Row> y = comparable(spark.read().parquet(b.resolve(t).toString()));
                boolean columns = Arrays.equals(x.columns(), y.columns());
                long nx = x.count();
                long ny = y.count();
                long onlyX = columns ? x.exceptAll(y).count() : -1;
                long onlyY = columns ? y.exceptAll(x).count() : -1;
                boolean ok = columns && nx == ny && onlyX == 0 && onlyY == 0;
                System.out.printf(
                        Locale.ROOT,
                        "%-9s %7d rows / %7d rows, %s%n",
                        t,
                        nx,
                        ny,
                        ok ? "identical" : "DIFFERENT (columns " + columns + ", " + onlyX + " and " + onlyY + " rows)");
                same &= ok;
            }
        } finally {
            spark.stop();
        }
        same &= reports(a.resolve("reports"), b.resolve("reports"), "reports");
        if (cli != null) {
            same &= reports(a.resolve("reports"), cli, "command line's reports");
        }
        System.out.println("identical: " + same);
        System.exit(same ? 0 : 1);
    }

    /** Map columns (a row's per-channel errors) as their sorted entries: set operations cannot compare maps. */
    private static Dataset<Row> comparable(Dataset<Row> d) {
        for (StructField f : d.schema().fields()) {
            if (f.dataType() instanceof MapType) {
                d = d.withColumn(f.name(), functions.array_sort(functions.map_entries(functions.col(f.name()))));
            }
        }
        return d;
    }

    private static boolean reports(Path a, Path b, String what) throws Exception {
        if (!Files.isDirectory(a)) {
            return true;
        }
        int n = 0;
        int differ = 0;
        try (Stream<Path> s = Files.list(a)) {
            for (Path r : s.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList()) {
                n++;
                Path other = b.resolve(r.getFileName());
                if (!Files.exists(other) || !ReportLines.comparable(r).equals(ReportLines.comparable(other))) {
                    differ++;
                    System.out.println("  " + r.getFileName() + " differs from " + other);
                }
            }
        }
        System.out.printf(
                Locale.ROOT, "%-9s %d machines, %s%n", what, n, differ == 0 ? "identical" : differ + " differ");
        return differ == 0;
    }
}
