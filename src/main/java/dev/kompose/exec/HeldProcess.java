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

    /** True once the child ended (by itself, killed, or never started). */
    boolean ended();

    /** Closes the child's standard input and waits for its end (timeout and cancellation as for run). */
    ExecutionResult finish();

    /**
     * Stops the child without waiting for it to read its input: SIGINT first (psql then asks the
     * server to cancel its running statement, so no session lingers on a lock), then after a grace
     * period TERM and KILL to its process tree; returns its end. A cancel does the same.
     */
    ExecutionResult stop();

    /** As {@link #finish()}, for try-with-resources: the child never outlives its holder. */
    @Override
    default void close() {
        finish();
    }
}
