package dev.kompose.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * What one stack's row shows at one moment.
 *
 * @param stackName the stack
 * @param status where the stack is
 * @param stage the stage running or last run ("pre_db_export", "pg_dump"), empty before the first
 * @param stagePosition "2/5", "clean-up", or empty
 * @param transferStage the stage the byte counts belong to (the last one that streamed), or empty
 * @param bytesDone bytes streamed by that stage
 * @param bytesExpected bytes expected in all, or -1 when unknown
 * @param percent 0 to 100, or -1 when unknown; never lower than an earlier snapshot's of the same stage,
 *     and 100 only once the stage ended successfully
 * @param bytesPerSecond smoothed rate, or -1 before there is one
 * @param eta time left at the smoothed rate, when it can be told
 * @param result the stack's closing message (why it failed, what it wrote), empty while running
 */
public record ProgressSnapshot(String stackName, Status status, String stage, String stagePosition,
        String transferStage, long bytesDone, long bytesExpected, int percent, double bytesPerSecond,
        Optional<Duration> eta, String result) {

    /** Where a stack is in the run. */
    public enum Status {
        WAITING("waiting"),
        RUNNING("running"),
        SUCCEEDED("done"),
        FAILED("FAILED"),
        SKIPPED("skipped"),
        CANCELLED("cancelled"),
        NOT_RUN("not run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this != WAITING && this != RUNNING;
        }
    }

    public boolean hasTransfer() {
        return !transferStage.isEmpty();
    }
}
