package org.bearingworkbench.model;

/**
 * Reconstruction errors of every row: {@code errors[r][c]} is the absolute error of model column c in row r, and
 * {@code score[r]} their mean (the study's row score). {@code scaled[r][c]} is the scaled input, whose distance
 * outside [0, 1] is the row's departure from the training range.
 */
public record Scores(double[] score, double[][] errors, double[][] scaled) {
    public int rows() {
        return score.length;
    }

    public int columns() {
        return errors.length == 0 ? 0 : errors[0].length;
    }
}
