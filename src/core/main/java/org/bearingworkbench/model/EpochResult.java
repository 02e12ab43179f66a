package org.bearingworkbench.model;

/** One finished training epoch: its mean training loss (MAE) and validation loss (NaN without validation rows). */
public record EpochResult(int epoch, double loss, double validationLoss, double seconds) {}
