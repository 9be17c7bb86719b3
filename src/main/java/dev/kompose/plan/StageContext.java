package dev.kompose.plan;

import dev.kompose.exec.Cancellation;
import dev.kompose.exec.CommandSpec;
import dev.kompose.exec.ExecutionResult;
import dev.kompose.exec.HeldProcess;
import dev.kompose.exec.ProcessObserver;

/** What a running stage may use: processes (through the runner), output and progress reporting, cancellation, shared state. */
public interface StageContext {

    /** Runs a command, its output lines going to the listener (secrets masked). */
    ExecutionResult execute(CommandSpec command);

    /** Runs a command with an extra observer (for progress sampling by process id); output still reaches the listener. */
    ExecutionResult execute(CommandSpec command, ProcessObserver observer);

    /**
     * Starts a command whose standard input the stage writes to and holds open (a psql session
     * kept while pg_dump runs). Its standard output goes to the observer only; its standard error
     * also reaches the listener (secrets masked). Cancelling the stage stops it.
     */
    default HeldProcess start(CommandSpec command, ProcessObserver observer) {
        throw new UnsupportedOperationException("this stage context cannot hold a process");
    }

    /** Reports a line of the stage's own (not from a child). */
    void report(String line);

    /** Reports streaming progress: bytes done so far, and the expected total (or -1 when unknown). */
    void progress(long bytesDone, long bytesExpected);

    Cancellation cancellation();

    StackState state();
}
