package dev.kompose.exec;

/** The one interface through which kompose starts processes. Tests substitute a fake. */
public interface ProcessRunner {
    /**
     * Runs the command to its end (or timeout, or cancellation), streaming its output lines to the
     * observer. Never throws for a failing child; the result says how it ended.
     */
    ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation);
}
