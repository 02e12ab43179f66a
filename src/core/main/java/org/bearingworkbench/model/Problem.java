package org.bearingworkbench.model;

/** What is wrong with one setting: a form shows {@code message} under the field, a command line prints both. */
public record Problem(ConfigField field, String message) {
    @Override
    public String toString() {
        return field.label() + ": " + message;
    }
}
