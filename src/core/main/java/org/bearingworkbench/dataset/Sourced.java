package org.bearingworkbench.dataset;

import java.util.Objects;

/** A value of a data set's description and where it came from; {@code value} is null when it is unknown. */
public record Sourced<T>(T value, ValueSource source) {
    public Sourced {
        Objects.requireNonNull(source);
        if (value == null && source != ValueSource.UNKNOWN) {
            throw new IllegalArgumentException("a missing value must be UNKNOWN (got " + source + ")");
        }
    }

    public static <T> Sourced<T> of(T value, ValueSource source) {
        return value == null ? unknown() : new Sourced<>(value, source);
    }

    public static <T> Sourced<T> unknown() {
        return new Sourced<>(null, ValueSource.UNKNOWN);
    }

    public boolean known() {
        return value != null;
    }

    @Override
    public String toString() {
        return value == null ? "unknown" : value + " (" + source.words() + ")";
    }
}
