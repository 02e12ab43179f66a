package org.bearingworkbench.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a training run produced: the model, its loss history, the training range, and whether the user stopped it
 * early (then the model is the one of the last completed epoch), and where the model came from.
 */
public record TrainingResult(
        LstmAutoencoder model,
        List<EpochResult> history,
        LocalDateTime trainStart,
        LocalDateTime trainEnd,
        int trainRows,
        int fitWindows,
        int validationWindows,
        double seconds,
        boolean stopped,
        TrainingProvenance provenance) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    public EpochResult last() {
        return history.get(history.size() - 1);
    }
}
