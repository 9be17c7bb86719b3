package dev.kompose.exec;

import java.time.Duration;

/**
 * How a child process ended.
 *
 * @param exitCode the child's exit status (-1 when it could not be started)
 * @param timedOut the child ran past its timeout and was killed with its process tree
 * @param cancelled the run was cancelled and the child was killed with its process tree
 * @param startFailure why the program could not be started, or null
 * @param elapsed wall time from start to end
 */
public record ExecutionResult(int exitCode, boolean timedOut, boolean cancelled, String startFailure, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !cancelled && startFailure == null;
    }

    /** One line for an operator: "exit status 3", "timed out after 10s", ... */
    public String explain() {
        if (startFailure != null) {
            return "could not start: " + startFailure;
        }
        if (cancelled) {
            return "cancelled";
        }
        if (timedOut) {
            return "timed out after " + DurationText.format(elapsed) + " and was killed with every process it started";
        }
        return "exit status " + exitCode;
    }

    public static ExecutionResult couldNotStart(String reason) {
        return new ExecutionResult(-1, false, false, reason, Duration.ZERO);
    }
}
