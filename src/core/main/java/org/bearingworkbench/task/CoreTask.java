package org.bearingworkbench.task;

/**
 * A unit of long work in the headless core (import, training, scoring). Plain Java: the GUI wraps it in a
 * JavaFX task, the CLI and tests run it synchronously through a {@link TaskExecutor}.
 */
@FunctionalInterface
public interface CoreTask<T> {
    T run(TaskContext context) throws Exception;
}
