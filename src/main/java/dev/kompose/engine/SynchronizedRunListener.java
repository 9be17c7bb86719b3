package dev.kompose.engine;

import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;

/**
 * Hands the events of stacks that run at the same time to a listener one at a time, so that
 * listeners written for one stack at a time (printers, the journal, the locks, the panel) stay
 * correct and no two events' output overlaps.
 */
public final class SynchronizedRunListener implements RunListener {
    private final RunListener listener;

    public SynchronizedRunListener(RunListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void runStarted(Plan plan) {
        listener.runStarted(plan);
    }

    @Override
    public synchronized void stackStarted(StackPlan stack) {
        listener.stackStarted(stack);
    }

    @Override
    public synchronized void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        listener.stageStarted(stack, stage, number, total);
    }

    @Override
    public synchronized void stageOutput(StackPlan stack, Stage stage, String line) {
        listener.stageOutput(stack, stage, line);
    }

    @Override
    public synchronized void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        listener.stageProgress(stack, stage, bytesDone, bytesExpected);
    }

    @Override
    public synchronized void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        listener.stageFinished(stack, stage, result);
    }

    @Override
    public synchronized void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        listener.stageSkipped(stack, stage, number, total);
    }

    @Override
    public synchronized void stackFinished(StackPlan stack, StackReport report) {
        listener.stackFinished(stack, report);
    }

    @Override
    public synchronized void runFinished(RunReport report) {
        listener.runFinished(report);
    }
}
