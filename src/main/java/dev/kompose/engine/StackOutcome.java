package dev.kompose.engine;

/** How a stack's part of a run ended. */
public enum StackOutcome {
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED,
    NOT_RUN;

    public boolean countsAsSuccess() {
        return this == SUCCEEDED || this == SKIPPED;
    }
}
