package dev.kompose.plan;

import java.util.List;

/**
 * How one stage ended.
 *
 * @param status what happened
 * @param message a line for the operator (why it failed, what it wrote), or empty
 * @param artifacts what the stage produced or consumed (a dump written, a database replaced)
 */
public record StageResult(Status status, String message, List<Artifact> artifacts) {

    /** The ways a stage can end. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        SKIPPED,
        CANCELLED,
        SIMULATED
    }

    public StageResult {
        artifacts = List.copyOf(artifacts);
    }

    public StageResult(Status status, String message) {
        this(status, message, List.of());
    }

    public static StageResult succeeded(String message, Artifact... artifacts) {
        return new StageResult(Status.SUCCEEDED, message, List.of(artifacts));
    }

    public static StageResult succeeded() {
        return new StageResult(Status.SUCCEEDED, "");
    }

    public static StageResult failed(String message) {
        return new StageResult(Status.FAILED, message);
    }

    /** A failure that still produced something for the listeners (a dump found bad by db:verify). */
    public static StageResult failed(String message, Artifact... artifacts) {
        return new StageResult(Status.FAILED, message, List.of(artifacts));
    }

    public static StageResult cancelled(String message) {
        return new StageResult(Status.CANCELLED, message);
    }

    /** The same result with its message passed through a masker (artifacts hold paths and names, never secrets). */
    public StageResult withMessage(String newMessage) {
        return new StageResult(status, newMessage, artifacts);
    }

    public boolean isFailure() {
        return status == Status.FAILED || status == Status.CANCELLED;
    }
}
