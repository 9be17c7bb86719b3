package dev.kompose.engine;

import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;

/**
 * Hears a run as it happens. The printer, the step prompt's display, the progress panel and
 * the journal are all listeners of the same runner. Output and progress events may arrive from
 * reader threads: implementations must be thread-safe. Every method has an empty default.
 */
public interface RunListener {

    default void runStarted(Plan plan) {
    }

    default void stackStarted(StackPlan stack) {
    }

    /** A stage is about to run; number counts from 1 within the stack. Clean-up stages come with number 0. */
    default void stageStarted(StackPlan stack, Stage stage, int number, int total) {
    }

    /** A line of output from the stage or its child process (secrets already masked). */
    default void stageOutput(StackPlan stack, Stage stage, String line) {
    }

    /** Bytes streamed so far and expected in all (-1 when unknown). */
    default void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
    }

    default void stageFinished(StackPlan stack, Stage stage, StageResult result) {
    }

    /** The operator chose to skip the stage at the step prompt. */
    default void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
    }

    default void stackFinished(StackPlan stack, StackReport report) {
    }

    default void runFinished(RunReport report) {
    }
}
