package dev.kompose.exec;

/** The one interface through which kompose starts processes. Tests substitute a fake. */
public interface ProcessRunner {
    /**
     * Runs the command to its end (or timeout, or cancellation), streaming its output lines to the
     * observer. Never throws for a failing child; the result says how it ended.
     */
    ExecutionResult run(CommandSpec command, ProcessObserver observer, Cancellation cancellation);

    /**
     * Starts the command with its standard input a pipe the caller writes to (the command's own
     * standard input setting is ignored) and returns at once. Never throws for a child that cannot
     * start: writing fails and {@link HeldProcess#finish()} says why.
     */
    default HeldProcess start(CommandSpec command, ProcessObserver observer, Cancellation cancellation) {
        throw new UnsupportedOperationException("this process runner cannot hold a child's standard input");
    }
}
