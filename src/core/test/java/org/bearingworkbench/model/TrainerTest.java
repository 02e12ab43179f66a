package org.bearingworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bearingworkbench.SampleData;
import org.bearingworkbench.features.FeatureTable;
import org.bearingworkbench.task.CancellationToken;
import org.bearingworkbench.task.CancelledException;
import org.bearingworkbench.task.TaskContext;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final ModelConfig FEW_EPOCHS = ModelConfig.defaults().withEpochs(3);

    private static TrainingResult train(ModelConfig config, Trainer.EpochListener l, TaskContext ctx) throws Exception {
        FeatureTable t = SampleData.table();
        return Trainer.train(t, ColumnSelection.defaults(t), SplitConfig.fraction(0.45), config, l, ctx);
    }

    @Test
    void reportsEveryEpochWithTrainAndValidationLoss() throws Exception {
        List<EpochResult> seen = new ArrayList<>();
        TrainingResult r = train(FEW_EPOCHS, seen::add, TaskContext.silent());
        assertEquals(3, seen.size());
        assertEquals(List.of(1, 2, 3), seen.stream().map(EpochResult::epoch).toList());
        assertTrue(seen.stream().allMatch(e -> e.loss() > 0 && e.validationLoss() > 0));
        assertEquals(72, r.trainRows());
        assertEquals(68, r.fitWindows()); // int(72 * 0.95) = 68 fit, the last 4 validate, as Keras splits
        assertEquals(4, r.validationWindows());
        assertEquals(3236, r.model().parameterCount());
        assertFalse(r.stopped());
    }

    @Test
    void sameDataConfigAndSeedGiveSameLosses() throws Exception {
        double[] a = train(FEW_EPOCHS, e -> {}, TaskContext.silent()).history().stream()
                .mapToDouble(EpochResult::loss)
                .toArray();
        double[] b = train(FEW_EPOCHS, e -> {}, TaskContext.silent()).history().stream()
                .mapToDouble(EpochResult::loss)
                .toArray();
        assertArrayEquals(a, b);
    }

    @Test
    void stopKeepsTheLastCompletedEpoch() throws Exception {
        CancellationToken token = new CancellationToken();
        List<EpochResult> seen = new ArrayList<>();
        TrainingResult r = train(
                ModelConfig.defaults().withEpochs(50),
                e -> {
                    seen.add(e);
                    if (e.epoch() == 2) {
                        token.cancel();
                    }
                },
                token.contextFor((d, t, m) -> {}));
        assertTrue(r.stopped());
        assertEquals(2, r.history().size());
        TrainingResult reference = train(ModelConfig.defaults().withEpochs(2), e -> {}, TaskContext.silent());
        FeatureTable t = SampleData.table();
        assertArrayEquals(reference.model().score(t).score(), r.model().score(t).score(), 1e-6);
    }

    @Test
    void cancelBeforeTheFirstEpochEndsThrows() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class, () -> train(FEW_EPOCHS, e -> {}, token.contextFor((d, t, m) -> {})));
    }

    @Test
    void scoresEveryRowWithPerChannelErrors() throws Exception {
        TrainingResult r = train(FEW_EPOCHS, e -> {}, TaskContext.silent());
        Scores s = r.model().score(SampleData.table());
        assertEquals(160, s.rows());
        assertEquals(4, s.columns());
        for (int row = 0; row < s.rows(); row++) {
            double mean = (s.errors()[row][0] + s.errors()[row][1] + s.errors()[row][2] + s.errors()[row][3]) / 4;
            assertEquals(mean, s.score()[row], 1e-12);
        }
    }

    @Test
    void windowsOfSeveralTimeStepsScoreEveryRow() throws Exception {
        TrainingResult r = train(FEW_EPOCHS.withTimesteps(4), e -> {}, TaskContext.silent());
        assertEquals(69, r.fitWindows() + r.validationWindows()); // 72 rows give 69 windows of 4
        Scores s = r.model().score(SampleData.table());
        assertEquals(160, s.rows());
        assertTrue(Arrays.stream(s.score()).allMatch(v -> v >= 0 && Double.isFinite(v)));
        for (int row = 0; row < s.rows(); row++) {
            double mean = Arrays.stream(s.errors()[row]).average().orElseThrow();
            assertEquals(mean, s.score()[row], 1e-12, "row " + row + ": the score is its channels' mean error");
        }
        double[] train = Arrays.copyOf(s.score(), 72);
        Arrays.sort(train);
        for (int row = 150; row < 160; row++) {
            assertTrue(s.score()[row] > 2 * train[36], "row " + row + " (the defect at its worst) stands out");
        }
    }
}
