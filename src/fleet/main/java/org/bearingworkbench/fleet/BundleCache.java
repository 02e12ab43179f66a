package org.bearingworkbench.fleet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bearingworkbench.io.InputFormatException;
import org.bearingworkbench.model.ModelBundle;

/**
 * Model bundles restored from the broadcast bytes once per executor thread: a network's inference is not safe to
 * share between threads, and restoring it for every machine would cost more than scoring a small one.
 */
final class BundleCache {
    private static final ThreadLocal<Map<String, ModelBundle>> BUNDLES = ThreadLocal.withInitial(HashMap::new);

    private BundleCache() {}

    static ModelBundle get(String key, byte[] bytes) throws InputFormatException {
        Map<String, ModelBundle> mine = BUNDLES.get();
        String id = key + "#" + (bytes == null ? 0 : Arrays.hashCode(bytes)); // a file changed between two jobs
        ModelBundle b = mine.get(id);
        if (b == null) {
            if (bytes == null) {
                throw new IllegalArgumentException("model " + key + " was not sent to this executor");
            }
            b = ModelBundle.fromBytes(bytes, key);
            mine.put(id, b);
        }
        return b;
    }
}
