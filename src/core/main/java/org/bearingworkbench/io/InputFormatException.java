package org.bearingworkbench.io;

/** Input that cannot be read as expected; the message says which file, where, and what was expected. */
public class InputFormatException extends Exception {
    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
