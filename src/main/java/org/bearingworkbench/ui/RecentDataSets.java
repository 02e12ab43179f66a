package org.bearingworkbench.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The last data sets opened, remembered between runs (Java preferences). */
final class RecentDataSets {
    private static final int MAX = 8;
    private final Preferences prefs;

    RecentDataSets(String node) {
        this.prefs = Preferences.userRoot().node(node);
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get("recent." + i, null);
            if (p != null) {
                out.add(Paths.get(p));
            }
        }
        return out;
    }

    void add(Path path) {
        List<Path> l = list();
        Path abs = path.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                prefs.put("recent." + i, l.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: not being able to store them is not an error for the user
        }
    }
}
