package org.bearingworkbench.detect.baseline;

import org.bearingworkbench.model.Scores;

/**
 * An anomaly detector fitted on healthy rows and scoring any rows, as a baseline beside the LSTM autoencoder: its
 * {@link Scores} (score per row, per-feature contributions in place of reconstruction errors, min-max scaled inputs
 * for the departure from the training range) go through the same threshold methods, persistence rule, attribution
 * and report as the autoencoder's.
 */
public interface Detector {
    /** Short id for the command line and tables: {@code pca-t2}, {@code pca-spe}, {@code mcd}, {@code iforest}. */
    String id();

    /** A name for people. */
    String label();

    /** Fits on {@code train[row][feature]} (healthy rows) and returns the scorer. */
    Fitted fit(double[][] train);

    /** A fitted detector. */
    interface Fitted {
        /** Scores {@code rows[row][feature]}. */
        Scores score(double[][] rows);

        /** What was fitted, in a sentence (components kept, subset size, trees). */
        String describe();
    }
}
