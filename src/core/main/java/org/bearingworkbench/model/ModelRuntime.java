package org.bearingworkbench.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ND4J runtime as the workbench uses it: loaded lazily on first use (off the UI thread), with its thread pools
 * limited to one thread. The study's network is tiny; on a 2-core machine ND4J's default OpenMP pool spends more
 * time synchronising than computing (docs/decisions/0002). {@code -Dbw.threads=N} overrides the count.
 */
public final class ModelRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRuntime.class);
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    private static boolean configured;

    private ModelRuntime() {}

    /** Loads ND4J's native backend (several seconds the first time on a machine) and applies the thread settings. */
    public static synchronized void ensureLoaded() {
        if (configured) {
            return;
        }
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            // JavaCPP checks the process's physical memory on every native allocation to decide when to run the GC;
            // with thousands of tiny ops per second that check costs a third of training time. The trainer runs
            // the GC itself at a fixed pace instead (docs/decisions/0002).
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        Nd4j.getBackend();
        int threads = Integer.getInteger("bw.threads", 1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configured = true;
        LOG.info("ND4J ready: {}", describe());
    }

    public static synchronized String describe() {
        ensureLoaded();
        return "ND4J " + Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.dataType() + ", OpenMP threads "
                + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ", max threads "
                + Nd4j.getEnvironment().maxThreads();
    }
}
