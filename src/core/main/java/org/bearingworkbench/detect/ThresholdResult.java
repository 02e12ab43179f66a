package org.bearingworkbench.detect;

/**
 * A threshold chosen by a method: its value, the method's id with parameters, a one-line explanation, and the share
 * of training rows above it.
 */
public record ThresholdResult(double value, String method, String explanation, double trainFlaggedShare) {}
