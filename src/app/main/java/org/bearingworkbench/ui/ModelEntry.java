package org.bearingworkbench.ui;

import java.util.Locale;
import org.bearingworkbench.model.ModelBundle;

/** A model of this session (trained here, opened, or imported from Keras), as the Model pane's list shows it. */
record ModelEntry(int number, String source, ModelBundle bundle) {
    @Override
    public String toString() {
        var h = bundle.history();
        String loss = h.isEmpty()
                ? ""
                : String.format(Locale.ROOT, ", loss %.4f", h.get(h.size() - 1).loss());
        // two models of one session differ by their training range and loss: both are in the label
        return "#" + number + " " + source + ", " + bundle.model().columns().size() + " columns, trained until "
                + bundle.trainEnd().toString().replace('T', ' ') + loss;
    }
}
