package org.bearingworkbench.fleet;

import java.io.Serializable;

/**
 * One machine (or stream) of the fleet: a directory of snapshot files under the root, and the model it is scored
 * with ({@code modelKey} into the broadcast bundles; null when the mapping gives it none).
 */
public record Machine(String name, String path, String modelKey) implements Serializable {
    Machine withModel(String key) {
        return new Machine(name, path, key);
    }
}
