package org.bearingworkbench.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ModelBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet job on the driver: lists the machines, checks and broadcasts the model bundles, runs one task per
 * machine ({@link MachineScoring}) and writes the tables ({@link FleetOutputs}).
 */
public final class FleetRun {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);

    private FleetRun() {}

    /**
     * What the job did: each machine's summary in name order, what the mapping file named that is not there, the
     * whole time and the part spent reading and scoring (the rest is writing the tables).
     */
    public record Outcome(List<MachineSummary> machines, List<String> notes, double seconds, double scoringSeconds) {
        public long failed() {
            return machines.stream().filter(m -> !m.scored()).count();
        }
    }

    /** Runs the job; {@code assignment} is null when the machines are trained in the job ({@code --train}). */
    public static Outcome run(SparkSession spark, FleetSettings settings, ModelAssignment assignment)
            throws IOException, InputFormatException {
        long t0 = System.nanoTime();
        if (FleetStorage.exists(settings.output())) {
            if (!settings.overwrite()) {
                throw new IOException("output exists: " + settings.output() + " (give --overwrite to replace it)");
            }
            FleetStorage.delete(settings.output());
        }
        List<Machine> machines = new ArrayList<>();
        for (FileStatus dir : FleetStorage.machineDirectories(settings.root())) {
            String name = dir.getPath().getName();
            machines.add(
                    new Machine(name, dir.getPath().toString(), assignment == null ? null : assignment.modelOf(name)));
        }
        if (machines.isEmpty()) {
            throw new IOException("no machine directories under " + settings.root()
                    + " (the job expects one directory of snapshot files per machine)");
        }
        List<String> notes = new ArrayList<>();
        Set<String> names = new TreeSet<>(machines.stream().map(Machine::name).toList());
        (assignment == null ? List.<String>of() : assignment.perMachine().keySet())
                .stream()
                        .filter(m -> !names.contains(m))
                        .forEach(m -> notes.add("the mapping file names " + m + ", which is not under the root"));
        Map<String, byte[]> bundles = bundles(machines);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, byte[]>> shared = jsc.broadcast(bundles);
        JavaRDD<MachineResult> results = jsc.parallelize(machines, machines.size())
                .map(m -> MachineScoring.run(m, shared.value(), settings))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long s0 = System.nanoTime();
            List<MachineSummary> summaries = results.map(MachineResult::summary).collect();
            double scoring = (System.nanoTime() - s0) / 1e9;
            FleetOutputs.write(spark, results, summaries, settings.output());
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.info("fleet: {} machines in {} s (reading and scoring {} s)", machines.size(), seconds, scoring);
            return new Outcome(summaries, notes, seconds, scoring);
        } finally {
            results.unpersist(false);
            shared.destroy();
        }
    }

    /** Each distinct model, read once on the driver and checked there: a damaged bundle stops the job before work. */
    private static Map<String, byte[]> bundles(List<Machine> machines) throws IOException, InputFormatException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Machine m : machines) {
            String key = m.modelKey();
            if (key != null && !out.containsKey(key)) {
                byte[] bytes;
                try {
                    bytes = FleetStorage.readBytes(key);
                } catch (IOException e) {
                    throw new IOException(
                            "cannot read model " + key + " (for machine " + m.name() + "): " + e.getMessage(), e);
                }
                ModelBundle.fromBytes(bytes, key);
                out.put(key, bytes);
            }
        }
        return out;
    }
}
