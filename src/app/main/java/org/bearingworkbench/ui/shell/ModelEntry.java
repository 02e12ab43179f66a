package org.bearingworkbench.ui.shell;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bearingworkbench.model.ModelBundle;

/** A model of this session (trained here, opened, or imported from Keras), as the Model pane's list shows it. */
public record ModelEntry(int number, String source, ModelBundle bundle) {
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

    /**
     * The label that fits the list's box: number, columns, end of the training range and loss (the source is in
     * the current model's text; the full label in the open list).
     */
    public String shortLabel() {
        var h = bundle.history();
        String loss = h.isEmpty()
                ? ""
                : String.format(Locale.ROOT, " · loss %.4f", h.get(h.size() - 1).loss());
        return "#" + number + " · " + bundle.model().columns().size() + " col · to " + SHORT.format(bundle.trainEnd())
                + loss;
    }

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
}
