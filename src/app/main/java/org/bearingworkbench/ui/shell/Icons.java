package org.bearingworkbench.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon in the sizes the window manager picks from (absent icons are skipped). */
public final class Icons {
    private Icons() {}

    public static List<Image> load() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/icons/bearing-workbench-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }
}
