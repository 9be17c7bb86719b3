package dev.kompose.engine;

import dev.kompose.plan.Plan;
import dev.kompose.plan.StackPlan;
import dev.kompose.plan.Stage;
import dev.kompose.plan.StageResult;
import java.util.List;

/** Passes every event to several listeners, in order. */
public final class CompositeRunListener implements RunListener {
    private final List<RunListener> listeners;

    public CompositeRunListener(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(Plan plan) {
        listeners.forEach(listener -> listener.runStarted(plan));
    }

    @Override
    public void stackStarted(StackPlan stack) {
        listeners.forEach(listener -> listener.stackStarted(stack));
    }

    @Override
    public void stageStarted(StackPlan stack, Stage stage, int number, int total) {
        listeners.forEach(listener -> listener.stageStarted(stack, stage, number, total));
    }

    @Override
    public void stageOutput(StackPlan stack, Stage stage, String line) {
        listeners.forEach(listener -> listener.stageOutput(stack, stage, line));
    }

    @Override
    public void stageProgress(StackPlan stack, Stage stage, long bytesDone, long bytesExpected) {
        listeners.forEach(listener -> listener.stageProgress(stack, stage, bytesDone, bytesExpected));
    }

    @Override
    public void stageFinished(StackPlan stack, Stage stage, StageResult result) {
        listeners.forEach(listener -> listener.stageFinished(stack, stage, result));
    }

    @Override
    public void stageSkipped(StackPlan stack, Stage stage, int number, int total) {
        listeners.forEach(listener -> listener.stageSkipped(stack, stage, number, total));
    }

    @Override
    public void stackFinished(StackPlan stack, StackReport report) {
        listeners.forEach(listener -> listener.stackFinished(stack, report));
    }

    @Override
    public void runFinished(RunReport report) {
        listeners.forEach(listener -> listener.runFinished(report));
    }
}
