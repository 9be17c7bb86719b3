package dev.kompose.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * One stack's progress as events arrive, with the rules the display relies on: within a
 * streaming stage the percentage never goes down, stays below 100% while the stage runs (an
 * export estimate can be low) and is exactly 100% once the stage ended successfully. The byte
 * counts belong to the last stage that streamed, so a row keeps showing the dump's 100% while the
 * post-export hook runs. Not thread-safe: {@link ProgressTracker} serialises access. Pure: time
 * comes in as nanoseconds.
 */
final class StackProgress {
    private static final int HIGHEST_WHILE_RUNNING = 99;

    private final String stackName;
    private ProgressSnapshot.Status status = ProgressSnapshot.Status.WAITING;
    private String stage = "";
    private String stagePosition = "";
    private String transferStage = "";
    private long bytesDone;
    private long bytesExpected = -1;
    private int percent = -1;
    private boolean transferRunning;
    private final RateEstimator rate = new RateEstimator();
    private String result = "";

    StackProgress(String stackName) {
        this.stackName = stackName;
    }

    void stackStarted() {
        status = ProgressSnapshot.Status.RUNNING;
    }

    void stageStarted(String stageName, String position) {
        stage = stageName;
        stagePosition = position;
        status = ProgressSnapshot.Status.RUNNING;
    }

    /** A progress event from the running stage. */
    void progress(String stageName, long done, long expected, long nanos) {
        if (!stageName.equals(transferStage) || !transferRunning) {
            transferStage = stageName;
            transferRunning = true;
            bytesDone = 0;
            percent = -1;
            rate.start(Math.max(0, done), nanos);
        }
        bytesDone = Math.max(bytesDone, done);
        bytesExpected = expected;
        rate.sample(bytesDone, nanos);
        if (expected > 0) {
            int measured = (int) Math.min(HIGHEST_WHILE_RUNNING, bytesDone * 100 / expected);
            percent = Math.max(percent, measured);
        } else if (expected == 0) {
            percent = Math.max(percent, 0);
        }
    }

    /** The stage ended; a streaming stage that succeeded is at 100%, its total what it actually streamed. */
    void stageFinished(String stageName, boolean succeeded) {
        if (stageName.equals(transferStage) && transferRunning) {
            transferRunning = false;
            if (succeeded) {
                percent = 100;
                bytesExpected = bytesDone;
            }
        }
    }

    void stackFinished(ProgressSnapshot.Status outcome, String message) {
        status = outcome;
        result = message;
        transferRunning = false;
    }

    ProgressSnapshot snapshot() {
        double bytesPerSecond = transferRunning ? rate.bytesPerSecond() : -1;
        Optional<Duration> eta = Optional.empty();
        if (transferRunning && bytesPerSecond > 0 && bytesExpected > bytesDone) {
            eta = Optional.of(Duration.ofMillis(Math.round((bytesExpected - bytesDone) * 1000.0 / bytesPerSecond)));
        }
        return new ProgressSnapshot(stackName, status, stage, stagePosition, transferStage, bytesDone, bytesExpected,
                percent, bytesPerSecond, eta, result);
    }
}
