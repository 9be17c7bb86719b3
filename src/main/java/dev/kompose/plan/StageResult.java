package dev.kompose.plan;

/**
 * How one stage ended.
 *
 * @param status what happened
 * @param message a line for the operator (why it failed, what it wrote), or empty
 */
public record StageResult(Status status, String message) {

    /** The ways a stage can end. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        SKIPPED,
        CANCELLED,
        SIMULATED
    }

    public static StageResult succeeded(String message) {
        return new StageResult(Status.SUCCEEDED, message);
    }

    public static StageResult succeeded() {
        return new StageResult(Status.SUCCEEDED, "");
    }

    public static StageResult failed(String message) {
        return new StageResult(Status.FAILED, message);
    }

    public static StageResult cancelled(String message) {
        return new StageResult(Status.CANCELLED, message);
    }

    public boolean isFailure() {
        return status == Status.FAILED || status == Status.CANCELLED;
    }
}
