package org.bearingworkbench.ui.shell;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last data sets (or projects) opened, remembered between runs (Java preferences). */
final class RecentDataSets {
    private static final int MAX = 8;
    private final Preferences prefs;
    private final String key;

    RecentDataSets(String node) {
        this(node, "recent.");
    }

    /** A list of its own under {@code key} (e.g. {@code recent-project.}). */
    RecentDataSets(String node, String key) {
        this.prefs = Preferences.userRoot().node(node);
        this.key = key;
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get(key + i, null);
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
                prefs.put(key + i, l.get(i).toString());
            } else {
                prefs.remove(key + i);
            }
        }
        PrefsStore.flushLater(prefs);
    }
}
