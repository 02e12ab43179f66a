package org.bearingworkbench.project;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bearingworkbench.dataset.UserSettings;
import org.bearingworkbench.model.ModelBundle;

/**
 * A saved analysis session ({@code .bwp}): the data source with what the user said about it, the training split, every
 * model of the session with the active one, the threshold method (id, e.g. {@code robust:3} or {@code manual:0.31}),
 * the persistence rule, channels per bearing, and the window's layout as plain key/values (the core does not read
 * them). Reopening it restores the same numbers.
 */
public record Project(
        Path dataSource,
        UserSettings settings,
        LocalDateTime trainUntil,
        List<SessionModel> models,
        int active,
        String thresholdMethod,
        String persistence,
        int channelsPerBearing,
        Map<String, String> layout) {
    public static final String EXTENSION = ".bwp";

    /** A model of the session and how the window names it (e.g. "trained here (100 epochs)", "m.bwm"). */
    public record SessionModel(String source, ModelBundle bundle) {}

    public Project {
        models = List.copyOf(models);
        layout = Map.copyOf(layout);
        if (models.isEmpty() ? active != -1 : active < 0 || active >= models.size()) {
            throw new IllegalArgumentException("active model " + active + " of " + models.size());
        }
    }

    /** The active model, if the session had one. */
    public Optional<SessionModel> activeModel() {
        return active < 0 ? Optional.empty() : Optional.of(models.get(active));
    }
}
