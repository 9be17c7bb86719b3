package dev.kompose.exec;

import java.io.IOException;

/**
 * A child started with its standard input a pipe kompose holds (a psql session fed one statement at
 * a time, kept open while other work runs). Its output lines reach the observer as with
 * {@link ProcessRunner#run}; closing the input lets it end; {@link #finish()} waits for that end.
 */
public interface HeldProcess extends AutoCloseable {

    /** Writes text (UTF-8) to the child's standard input and flushes it. */
    void write(String text) throws IOException;

    /** Closes the child's standard input and waits for its end (timeout and cancellation as for run). */
    ExecutionResult finish();

    /** As {@link #finish()}, for try-with-resources: the child never outlives its holder. */
    @Override
    default void close() {
        finish();
    }
}
